package dev.isr.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.core.CacheKey;
import dev.isr.core.CachePolicy;
import dev.isr.core.CachedResponse;
import dev.isr.core.Header;
import dev.isr.core.IsrConfig;
import dev.isr.core.ResponseCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Infinispan store, outside the server: entries round-trip through ProtoStream into the soft-index file
 * store, durable ones survive a restart of the cache manager, and a store that cannot start fails open.
 */
class IsrCacheContainerTest {

    @TempDir
    Path dir;

    private static IsrCacheContainer container(Path store) {
        IsrCacheContainer container = new IsrCacheContainer();
        IsrConfig defaults = IsrConfig.defaults();
        container.config = new IsrConfig(defaults.cacheName(), defaults.maxBodyBytes(), defaults.storableStatuses(),
                defaults.ignoredQueryParams(), store.toString());
        container.start();
        return container;
    }

    private static CachedResponse response(String key, boolean durable) {
        CachePolicy policy = new CachePolicy(Duration.ofHours(1), Duration.ofDays(1), Duration.ZERO, false, true,
                durable);
        return new CachedResponse(key, 200,
                List.of(new Header("Content-Type", "text/html;charset=utf-8"), new Header("Cache-Tag", "a, b")),
                ("<p>" + key + "</p>").getBytes(StandardCharsets.UTF_8), Instant.now(), policy);
    }

    @Test
    void durableEntriesSurviveRestartMemoryOnlyDoNot() {
        IsrCacheContainer first = container(dir);
        ResponseCache cache = first.responseCache();
        assertTrue(cache.available());
        CachedResponse durable = response("/durable", true);
        cache.put(durable);
        cache.put(response("/memory", false));
        assertEquals(durable, cache.get(new CacheKey("/durable", "")).orElseThrow());
        first.stop();

        IsrCacheContainer second = container(dir);
        try {
            ResponseCache reopened = second.responseCache();
            CachedResponse read = reopened.get(new CacheKey("/durable", "")).orElseThrow();
            assertEquals(durable, read, "ProtoStream round trip through the file store");
            assertArrayEquals(durable.body(), read.body());
            assertFalse(reopened.get(new CacheKey("/memory", "")).isPresent());
        } finally {
            second.stop();
        }
    }

    @Test
    void entryThatStopsBeingDurableDoesNotComeBackFromDisk() {
        IsrCacheContainer first = container(dir);
        first.responseCache().put(response("/page", true));
        first.responseCache().put(response("/page", false));
        first.stop();

        IsrCacheContainer second = container(dir);
        try {
            assertFalse(second.responseCache().get(new CacheKey("/page", "")).isPresent());
        } finally {
            second.stop();
        }
    }

    @Test
    void unwritableStoreFailsOpen() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        IsrCacheContainer container = container(file.resolve("isr"));
        ResponseCache cache = container.responseCache();
        assertFalse(cache.available());
        cache.put(response("/x", true)); // must not throw
        assertFalse(cache.get(new CacheKey("/x", "")).isPresent());
        container.stop();
    }
}
