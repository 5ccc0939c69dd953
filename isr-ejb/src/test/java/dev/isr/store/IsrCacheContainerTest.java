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
import dev.isr.core.PurgeRequest;
import dev.isr.core.ResponseCache;
import dev.isr.core.VaryRule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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

    static IsrCacheContainer container(Path store) {
        return container(store, Clock.systemUTC());
    }

    static IsrCacheContainer container(Path store, Clock clock) {
        IsrCacheContainer container = new IsrCacheContainer();
        container.config = IsrConfig.defaults().withStorePath(store.toString());
        container.clock = clock;
        container.start();
        return container;
    }

    private static CachedResponse response(CacheKey key, boolean durable) {
        CachePolicy policy = new CachePolicy(Duration.ofHours(1), Duration.ofDays(1), Duration.ZERO, false, true,
                durable);
        return new CachedResponse(key, 200,
                List.of(new Header("Content-Type", "text/html;charset=utf-8"), new Header("Cache-Tag", "a, b")),
                ("<p>" + key + "</p>").getBytes(StandardCharsets.UTF_8), Instant.now(), policy,
                List.of(new Header("Cookie", "ab=blue")), List.of("t-" + key.path(), "all-pages"));
    }

    private static CacheKey key(String path) {
        return new CacheKey(path, "");
    }

    @Test
    void durableEntriesAndVaryRulesSurviveRestartMemoryOnlyDoNot() {
        VaryRule rule = VaryRule.parse("query=page, cookie=ab", "Accept-Language");
        CacheKey variant = new CacheKey("", "/list", "page=2", "c:ab=blue&h:accept-language=de");
        IsrCacheContainer first = container(dir);
        ResponseCache cache = first.responseCache();
        assertTrue(cache.available());
        CachedResponse durable = response(key("/durable"), true);
        cache.put(durable, VaryRule.DEFAULT);
        cache.put(response(variant, true), rule);
        cache.put(response(key("/memory"), false), VaryRule.DEFAULT);
        assertEquals(durable, cache.get(key("/durable")).orElseThrow());
        first.stop();

        IsrCacheContainer second = container(dir);
        try {
            ResponseCache reopened = second.responseCache();
            CachedResponse read = reopened.get(key("/durable")).orElseThrow();
            assertEquals(durable, read, "ProtoStream round trip through the file store");
            assertArrayEquals(durable.body(), read.body());
            assertFalse(reopened.get(key("/memory")).isPresent());
            assertEquals(rule, reopened.varyRule("/list"));
            assertTrue(reopened.get(variant).isPresent());
            assertEquals(VaryRule.DEFAULT, reopened.varyRule("/durable"));
            assertEquals(1, reopened.removePath("/list"), "the index was rebuilt from the store's keys");
            assertFalse(reopened.get(variant).isPresent());
        } finally {
            second.stop();
        }
    }

    @Test
    void entryThatStopsBeingDurableDoesNotComeBackFromDisk() {
        IsrCacheContainer first = container(dir);
        first.responseCache().put(response(key("/page"), true), VaryRule.DEFAULT);
        first.responseCache().put(response(key("/page"), false), VaryRule.DEFAULT);
        first.stop();

        IsrCacheContainer second = container(dir);
        try {
            assertFalse(second.responseCache().get(key("/page")).isPresent());
        } finally {
            second.stop();
        }
    }

    @Test
    void removePathRemovesEveryQueryAndVariantInBothCaches() {
        IsrCacheContainer container = container(dir);
        try {
            ResponseCache cache = container.responseCache();
            cache.put(response(new CacheKey("/p", "a=1"), true), VaryRule.DEFAULT);
            cache.put(response(new CacheKey("/p", "a=2"), false), VaryRule.DEFAULT);
            cache.put(response(key("/p"), false), VaryRule.DEFAULT);
            cache.put(response(key("/p/child"), false), VaryRule.DEFAULT);
            // moving a key between the caches must keep it indexed
            cache.put(response(new CacheKey("/p", "a=2"), true), VaryRule.DEFAULT);
            assertEquals(3, cache.removePath("/p"));
            assertFalse(cache.get(new CacheKey("/p", "a=2")).isPresent());
            assertTrue(cache.get(key("/p/child")).isPresent());
        } finally {
            container.stop();
        }
    }

    @Test
    void purgesByTagHardAndSoftThroughTheIndex() {
        IsrCacheContainer container = container(dir);
        try {
            ResponseCache cache = container.responseCache();
            cache.put(response(key("/a"), true), VaryRule.DEFAULT); // tags t-/a, all-pages
            cache.put(response(key("/b"), false), VaryRule.DEFAULT); // tags t-/b, all-pages
            Instant now = Instant.now();
            assertEquals(1, cache.purge(dev.isr.core.PurgeRequest.ofTags(List.of("t-/a")), now));
            assertFalse(cache.get(key("/a")).isPresent());
            assertTrue(cache.get(key("/b")).isPresent());
            assertEquals(1, cache.index().size());

            PurgeRequest soft = new PurgeRequest(List.of("all-pages"), List.of(), List.of(), false, true);
            assertEquals(1, cache.purge(soft, now));
            CachedResponse stale = cache.get(key("/b")).orElseThrow();
            assertEquals(dev.isr.core.Freshness.STALE_REVALIDATE, dev.isr.core.Freshness.assess(stale, now));

            assertEquals(1, cache.purge(new PurgeRequest(List.of(), List.of(), List.of(), true, false), now));
            assertEquals(0, cache.index().size());
        } finally {
            container.stop();
        }
    }

    @Test
    void unwritableStoreFailsOpen() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        IsrCacheContainer container = container(file.resolve("isr"));
        ResponseCache cache = container.responseCache();
        assertFalse(cache.available());
        cache.put(response(key("/x"), true), VaryRule.DEFAULT); // must not throw
        assertFalse(cache.get(key("/x")).isPresent());
        container.stop();
    }
}
