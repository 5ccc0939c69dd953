package dev.isr.it;

import java.io.IOException;

/**
 * Sets and removes system properties of the running server under test ({@link TargetServer#current()}), so that a
 * test can give the module a configuration and take it back. Every property set must be removed: both servers keep
 * them in their configuration across restarts.
 */
final class ServerProperties {

    private ServerProperties() {
    }

    static void set(String name, String value) throws IOException {
        TargetServer.current().systemProperties().set(name, value);
    }

    static void remove(String name) throws IOException {
        TargetServer.current().systemProperties().remove(name);
    }
}
