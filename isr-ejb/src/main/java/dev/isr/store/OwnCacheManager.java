package dev.isr.store;

import dev.isr.core.ClusterSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infinispan.Cache;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * The module's own Infinispan cache manager, bundled in the EAR, clustered over the module's own sealed JGroups channel
 * ({@link ClusterChannel}): the same on WildFly and Payara. Its global state and stores are under
 * {@code isr.store.path}.
 */
final class OwnCacheManager implements CacheHost {

    private final DefaultCacheManager manager;
    private final Path location;

    private OwnCacheManager(DefaultCacheManager manager, Path location) {
        this.manager = manager;
        this.location = location;
    }

    /** Starts a cache manager with the module's caches defined; on failure nothing is left running. */
    static OwnCacheManager start(ClusterSettings cluster, String nodeName, Path location, long memoryBytes)
            throws IOException {
        Files.createDirectories(location);
        DefaultCacheManager manager = new DefaultCacheManager(
                CacheConfigurations.global(cluster, nodeName, location).build(), false);
        try {
            CacheConfigurations.define(manager, cluster, memoryBytes);
            manager.start();
        } catch (RuntimeException | LinkageError e) {
            manager.stop();
            throw e;
        }
        return new OwnCacheManager(manager, location);
    }

    @Override
    public EmbeddedCacheManager manager() {
        return manager;
    }

    @Override
    public <K, V> Cache<K, V> cache(String name) {
        return manager.getCache(name);
    }

    @Override
    public Path location() {
        return location;
    }

    @Override
    public void listen(Object listener) {
        manager.addListener(listener);
    }

    @Override
    public boolean mayHoldLegacyStore() {
        return true;
    }

    @Override
    public void close() {
        try {
            manager.stop();
        } catch (RuntimeException e) {
            StoreLog.stopFailed(e);
        }
    }
}
