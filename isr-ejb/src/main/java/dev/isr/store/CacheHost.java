package dev.isr.store;

import java.nio.file.Path;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * Where the module's caches live: a cache manager of the module's own ({@link OwnCacheManager}, the default, on every
 * server) or a cache container the server manages ({@link ServerCacheContainer}, {@code isr.cache.jndi}, WildFly).
 *
 * <p>The caches handed out take and return the module's objects in both; {@link #close()} stops what the module
 * started and no more, so a server's container outlives the deployment as it should. Not thread-safe: it is opened
 * and closed by {@link IsrCacheContainer}'s lifecycle callbacks only.
 */
sealed interface CacheHost permits OwnCacheManager, ServerCacheContainer {

    EmbeddedCacheManager manager();

    /** One of the caches {@link CacheConfigurations} defined, started if it was not. */
    <K, V> Cache<K, V> cache(String name);

    /** Where the module keeps its files (the last view's size, the legacy store): the stores' directory. */
    Path location();

    /** Registers a cache manager listener (view changes) that {@link #close()} removes. */
    void listen(Object listener);

    /** Whether a store written by an earlier version of the module may be here ({@link LegacyDurableStore}). */
    boolean mayHoldLegacyStore();

    /** Stops the caches the module started; failures are logged, not thrown. */
    void close();
}
