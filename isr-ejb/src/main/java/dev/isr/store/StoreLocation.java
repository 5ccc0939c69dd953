package dev.isr.store;

import java.nio.file.Path;

/**
 * Where the persistent store goes when {@code isr.store.path} is not set: under the server's own data directory,
 * so that it survives redeploys and is backed up with the server.
 */
final class StoreLocation {

    private StoreLocation() {}

    static Path resolve(String configured) {
        if (!configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        String wildfly = System.getProperty("jboss.server.data.dir");
        if (wildfly != null) {
            return Path.of(wildfly, "isr");
        }
        String payara = System.getProperty("com.sun.aas.instanceRoot");
        if (payara != null) {
            return Path.of(payara, "data", "isr");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "isr");
    }
}
