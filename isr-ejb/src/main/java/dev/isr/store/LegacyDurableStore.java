package dev.isr.store;

import dev.isr.core.CachedResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * Moves durable entries written by versions before the memory byte budget into the current store, once.
 *
 * <p>Those versions kept {@code isr-durable} as Java objects (keys as strings) in {@code <store>/durable/}. A cache
 * bounded by bytes must keep its entries ProtoStream-encoded, keys included, and reading the old files with that
 * encoding fails, so the current store lives in {@code <store>/durable-protostream/}. At start, an old store is opened
 * as a local cache of its own, its unexpired entries are copied with the lifespan they have left (an entry stored
 * since under the same key wins), and its directory is deleted. Without it, upgrading would silently drop every
 * durable page and leave its files on disk for good.
 */
final class LegacyDurableStore {

    static final String DIRECTORY = "durable";
    private static final String CACHE = "isr-durable-legacy";

    private LegacyDurableStore() {}

    /**
     * Copies the entries of the old store under {@code location}, if there is one, into {@code durable}; returns how
     * many. The old store is deleted once copied; if copying fails it stays, and the next start tries again.
     */
    static int migrate(EmbeddedCacheManager manager, Path location, Cache<String, CachedResponse> durable, Clock clock)
            throws IOException {
        Path old = location.resolve(DIRECTORY);
        // the soft-index file store keeps each cache's files under a directory named after the cache
        renameCacheDirectory(old.resolve("data"));
        renameCacheDirectory(old.resolve("index"));
        if (!Files.isDirectory(old.resolve("data").resolve(CACHE))) {
            return 0;
        }
        ConfigurationBuilder legacy = new ConfigurationBuilder();
        legacy.clustering().cacheMode(CacheMode.LOCAL);
        legacy.persistence()
                .addSoftIndexFileStore()
                .dataLocation(DIRECTORY + "/data")
                .indexLocation(DIRECTORY + "/index")
                .purgeOnStartup(false);
        manager.defineConfiguration(CACHE, legacy.build());
        AtomicInteger copied = new AtomicInteger();
        try {
            Cache<String, CachedResponse> entries = manager.getCache(CACHE);
            long now = clock.millis();
            entries.forEach((key, entry) -> {
                long left = entry.storedAt().toEpochMilli()
                        + entry.policy().retainFor().toMillis()
                        - now;
                if (left > 0 && durable.putIfAbsent(key, entry, left, TimeUnit.MILLISECONDS) == null) {
                    copied.incrementAndGet();
                }
            });
            entries.stop();
        } finally {
            manager.undefineConfiguration(CACHE);
        }
        deleteRecursively(old);
        StoreLog.legacyEntriesMoved(copied.get(), old);
        return copied.get();
    }

    private static void renameCacheDirectory(Path parent) throws IOException {
        Path current = parent.resolve(IsrCacheContainer.DURABLE_CACHE);
        if (Files.isDirectory(current) && !Files.exists(parent.resolve(CACHE))) {
            Files.move(current, parent.resolve(CACHE));
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
