package dev.isr.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.core.ByteBudgets;
import dev.isr.core.ByteUsage;
import dev.isr.core.CacheKey;
import dev.isr.core.CachePolicy;
import dev.isr.core.CachedResponse;
import dev.isr.core.EntryIndex;
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
import java.util.concurrent.TimeUnit;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Infinispan store, outside the server: entries round-trip through ProtoStream into the soft-index file
 * store, durable ones survive a restart of the cache manager, and a store that cannot start fails open.
 */
class IsrCacheContainerTest {

    /** 4 MiB of memory: 2 MiB per entry cache, about seven entries of 256 KiB. */
    private static final ByteBudgets SMALL_MEMORY =
            new ByteBudgets(4 << 20, ByteBudgets.DEFAULT_STORE, ByteBudgets.DEFAULT_CAPTURE);

    @TempDir
    Path dir;

    static IsrCacheContainer container(Path store) {
        return container(store, Clock.systemUTC(), ByteBudgets.DEFAULTS);
    }

    static IsrCacheContainer container(Path store, Clock clock) {
        return container(store, clock, ByteBudgets.DEFAULTS);
    }

    static IsrCacheContainer container(Path store, ByteBudgets budgets) {
        return container(store, Clock.systemUTC(), budgets);
    }

    private static IsrCacheContainer container(Path store, Clock clock, ByteBudgets budgets) {
        IsrCacheContainer container = new IsrCacheContainer();
        container.config = IsrConfig.defaults().withStorePath(store.toString()).withBudgets(budgets);
        container.clock = clock;
        container.start();
        return container;
    }

    private static CachedResponse response(CacheKey key, boolean durable) {
        return response(key, durable, ("<p>" + key + "</p>").getBytes(StandardCharsets.UTF_8));
    }

    private static CachedResponse response(CacheKey key, boolean durable, byte[] body) {
        CachePolicy policy =
                new CachePolicy(Duration.ofHours(1), Duration.ofDays(1), Duration.ZERO, false, true, durable);
        return new CachedResponse(
                key,
                200,
                List.of(new Header("Content-Type", "text/html;charset=utf-8"), new Header("Cache-Tag", "a, b")),
                body,
                Instant.now(),
                policy,
                List.of(new Header("Cookie", "ab=blue")),
                List.of("t-" + key.path(), "all-pages"));
    }

    /** Stores {@code count} entries of 256 KiB under {@code prefix + i}, the body of each seeded with {@code i}. */
    private static void fill(ResponseCache cache, String prefix, int count, boolean durable) {
        for (int i = 0; i < count; i++) {
            cache.put(response(key(prefix + i), durable, body(i, 256 << 10)), VaryRule.DEFAULT);
        }
    }

    /** A body of {@code size} bytes that differs for each {@code seed}, so a mixed-up read shows. */
    private static byte[] body(int seed, int size) {
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = (byte) (seed * 31 + i);
        }
        return body;
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

    /**
     * A hit decodes an entry once per stored version (DecodedEntries): the same instance while the stored bytes stay,
     * the new one after a put, nothing after a removal; in both entry caches, and for reads without blocking.
     */
    @ParameterizedTest(name = "durable {0}")
    @ValueSource(booleans = {false, true})
    void hitsDecodeAnEntryOncePerStoredVersion(boolean durable) {
        IsrCacheContainer container = container(dir);
        try {
            ResponseCache cache = container.responseCache();
            CacheKey key = key("/decoded");
            cache.put(response(key, durable, "<p>one</p>".getBytes(StandardCharsets.UTF_8)), VaryRule.DEFAULT);
            CachedResponse first = cache.get(key).orElseThrow();
            assertSame(first, cache.get(key).orElseThrow(), "decoded once");
            assertSame(first, cache.getWithoutBlocking(key).orElseThrow(), "the same for a read without blocking");

            cache.put(response(key, durable, "<p>two</p>".getBytes(StandardCharsets.UTF_8)), VaryRule.DEFAULT);
            CachedResponse second = cache.getWithoutBlocking(key).orElseThrow();
            assertEquals("<p>two</p>", new String(second.body(), StandardCharsets.UTF_8), "never the old version");
            assertSame(second, cache.get(key).orElseThrow());

            cache.removePath("/decoded");
            assertFalse(cache.get(key).isPresent());
            assertFalse(cache.getWithoutBlocking(key).isPresent());
        } finally {
            container.stop();
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

            PurgeRequest soft = PurgeRequest.ofTags(List.of("all-pages")).asSoft();
            assertEquals(1, cache.purge(soft, now));
            CachedResponse stale = cache.get(key("/b")).orElseThrow();
            assertEquals(dev.isr.core.Freshness.STALE_REVALIDATE, dev.isr.core.Freshness.assess(stale, now));

            assertEquals(1, cache.purge(PurgeRequest.everything(), now));
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

    @Test
    void memoryOnlyEntriesPastTheMemoryBudgetAreEvictedAndLeaveTheIndex() {
        IsrCacheContainer container = container(dir, SMALL_MEMORY);
        try {
            ResponseCache cache = container.responseCache();
            fill(cache, "/m/", 64, false);
            ByteUsage usage = cache.usage();
            assertTrue(usage.memory() <= SMALL_MEMORY.memory(), "Infinispan's estimate within the budget: " + usage);
            long indexed = cache.index().bytesHeldBy(EntryIndex.Holder.MEMORY);
            assertTrue(
                    indexed <= SMALL_MEMORY.memory() / 2,
                    "indexed memory-only bytes within half the budget: " + indexed);
            int size = cache.index().size();
            assertTrue(size > 0 && size < 64, "some entries kept, the others evicted: " + size);
            for (int i = 0; i < 64; i++) {
                CacheKey key = key("/m/" + i);
                boolean indexedKey = cache.index().get(key.value()) != null;
                assertEquals(indexedKey, cache.get(key).isPresent(), "index and cache agree on " + key);
                int seed = i;
                cache.get(key).ifPresent(read -> assertArrayEquals(body(seed, 256 << 10), read.body()));
            }
        } finally {
            container.stop();
        }
    }

    @Test
    void durableEntriesEvictedFromMemoryAreReadBackFromDiskAndStayIndexed() {
        IsrCacheContainer container = container(dir, SMALL_MEMORY);
        try {
            ResponseCache cache = container.responseCache();
            fill(cache, "/d/", 32, true);
            assertTrue(cache.usage().memory() <= SMALL_MEMORY.memory(), "memory within the budget: " + cache.usage());
            assertEquals(32, cache.index().size(), "evicted from memory, still on disk: still indexed");
            for (int i = 0; i < 32; i++) {
                assertArrayEquals(
                        body(i, 256 << 10),
                        cache.get(key("/d/" + i)).orElseThrow().body());
            }
            assertTrue(cache.usage().store() >= 32 * (256 << 10), "the store counts every durable entry");
            assertEquals(32, cache.purge(PurgeRequest.ofTags(List.of("all-pages")), Instant.now()));
            assertEquals(0, cache.usage().store());
        } finally {
            container.stop();
        }
    }

    @Test
    void durableEntryPastTheStoreBudgetIsKeptInMemoryOnly() {
        ByteBudgets budgets = new ByteBudgets(ByteBudgets.DEFAULT_MEMORY, 1 << 20, ByteBudgets.DEFAULT_CAPTURE);
        IsrCacheContainer first = container(dir, budgets);
        ResponseCache cache = first.responseCache();
        for (int i = 0; i < 3; i++) {
            cache.put(response(key("/s/" + i), true, body(i, 400 << 10)), VaryRule.DEFAULT);
        }
        assertTrue(cache.usage().store() <= budgets.store(), "store within the budget: " + cache.usage());
        assertTrue(cache.index().get(key("/s/2").value()).heldBy(EntryIndex.Holder.MEMORY));
        assertFalse(cache.index().get(key("/s/2").value()).heldBy(EntryIndex.Holder.PERSISTENT_STORE));
        assertArrayEquals(
                body(2, 400 << 10), cache.get(key("/s/2")).orElseThrow().body());
        // replacing a stored entry frees its own bytes: it stays on disk
        cache.put(response(key("/s/1"), true, body(11, 400 << 10)), VaryRule.DEFAULT);
        assertTrue(cache.index().get(key("/s/1").value()).heldBy(EntryIndex.Holder.PERSISTENT_STORE));
        assertFalse(cache.index().get(key("/s/1").value()).heldBy(EntryIndex.Holder.MEMORY));
        first.stop();

        IsrCacheContainer second = container(dir, budgets);
        try {
            ResponseCache reopened = second.responseCache();
            assertTrue(reopened.get(key("/s/0")).isPresent());
            assertArrayEquals(
                    body(11, 400 << 10), reopened.get(key("/s/1")).orElseThrow().body());
            assertFalse(reopened.get(key("/s/2")).isPresent(), "kept in memory only: gone after the restart");
        } finally {
            second.stop();
        }
    }

    @Test
    void durableEntriesOfTheStoreFormatBeforeTheByteBudgetAreMovedOnce() throws Exception {
        CachedResponse old = response(key("/old"), true);
        GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
        global.globalState().enable().persistentLocation(dir.toString());
        global.serialization().addContextInitializer(new IsrSchemaImpl());
        ConfigurationBuilder before = new ConfigurationBuilder(); // as versions without the byte budget had it
        before.persistence()
                .addSoftIndexFileStore()
                .dataLocation("durable/data")
                .indexLocation("durable/index");
        try (DefaultCacheManager manager = new DefaultCacheManager(global.build())) {
            manager.defineConfiguration(IsrCacheContainer.DURABLE_CACHE, before.build());
            manager.<String, CachedResponse>getCache(IsrCacheContainer.DURABLE_CACHE)
                    .put(old.key().value(), old, 1, TimeUnit.HOURS);
        }
        IsrCacheContainer first = container(dir);
        try {
            assertEquals(old, first.responseCache().get(key("/old")).orElseThrow());
            assertEquals(1, first.responseCache().index().size());
            assertFalse(Files.exists(dir.resolve(LegacyDurableStore.DIRECTORY)), "the old store is gone");
        } finally {
            first.stop();
        }
        IsrCacheContainer second = container(dir);
        try {
            assertEquals(old, second.responseCache().get(key("/old")).orElseThrow(), "moved into the new store");
        } finally {
            second.stop();
        }
    }
}
