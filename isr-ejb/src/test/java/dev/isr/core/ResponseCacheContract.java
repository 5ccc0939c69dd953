package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ResponseCache} promises, run against each implementation (the Infinispan store and the map the
 * core's tests use), so that a test double cannot drift from the real thing: entries come back as stored, purges by
 * tag, path, prefix or all remove (or, soft, mark stale) what they select and nothing else, a render started before a
 * hard purge is not stored, the index follows every change, vary rules are kept per path.
 */
public abstract class ResponseCacheContract {

    private static final String ORIGIN = "http://example.test";

    private ResponseCache cache;

    /** A new, empty cache, started. */
    protected abstract ResponseCache start() throws Exception;

    /** Stops what {@link #start} started. */
    protected abstract void stop() throws Exception;

    @BeforeEach
    void startCache() throws Exception {
        cache = start();
    }

    @AfterEach
    void stopCache() throws Exception {
        stop();
    }

    private static CacheKey key(String path, String query) {
        return new CacheKey(ORIGIN, path, query, "");
    }

    private CachedResponse entry(CacheKey key, String... tags) {
        CachePolicy policy =
                new CachePolicy(Duration.ofHours(1), Duration.ofHours(1), Duration.ZERO, false, true, false);
        return new CachedResponse(
                key,
                200,
                List.of(new Header("Content-Type", "text/plain"), new Header("ETag", "\"" + key.path() + "\"")),
                ("body of " + key.value()).getBytes(StandardCharsets.UTF_8),
                Instant.now(),
                policy,
                List.of(),
                List.of(tags),
                cache.purgeEpoch());
    }

    private boolean stored(CacheKey key) {
        return cache.get(key).isPresent();
    }

    @Test
    void anEntryComesBackAsStored() {
        CachedResponse stored = entry(key("/a", "x=1"), "t");
        assertTrue(cache.put(stored, VaryRule.DEFAULT));
        CachedResponse found = cache.get(stored.key()).orElseThrow();
        assertEquals(stored.key(), found.key());
        assertEquals(stored.status(), found.status());
        assertEquals(stored.headers(), found.headers());
        assertArrayEquals(stored.body(), found.body());
        assertEquals(stored.tags(), found.tags());
        assertEquals(stored.storedAt(), found.storedAt());
        assertFalse(stored(key("/a", "x=2")), "another query is another entry");
        assertTrue(cache.available());
    }

    @Test
    void removingAnEntryRemovesItAndItsIndexing() {
        CacheKey key = key("/gone", "");
        cache.put(entry(key, "t"), VaryRule.DEFAULT);
        assertEquals(1, cache.index().size());
        cache.remove(key);
        assertFalse(stored(key));
        assertNull(cache.index().get(key.value()), "the index follows a removal");
    }

    @Test
    void removingAPathRemovesEveryQueryOfItAndNothingElse() {
        cache.put(entry(key("/p", "")), VaryRule.DEFAULT);
        cache.put(entry(key("/p", "page=2")), VaryRule.DEFAULT);
        cache.put(entry(key("/p/child", "")), VaryRule.DEFAULT);
        assertEquals(2, cache.removePath("/p"));
        assertFalse(stored(key("/p", "page=2")));
        assertTrue(stored(key("/p/child", "")), "a path is not a prefix");
        assertEquals(1, cache.index().size());
    }

    @Test
    void aHardPurgeRemovesWhatItSelectsAndNothingElse() {
        cache.put(entry(key("/books/1", ""), "book-1", "books"), VaryRule.DEFAULT);
        cache.put(entry(key("/books/2", ""), "book-2", "books"), VaryRule.DEFAULT);
        cache.put(entry(key("/authors/1", ""), "author-1"), VaryRule.DEFAULT);
        cache.put(entry(key("/news/today", "")), VaryRule.DEFAULT);

        assertEquals(1, cache.purge(PurgeRequest.ofTags(List.of("book-1")), Instant.now()));
        assertFalse(stored(key("/books/1", "")));
        assertTrue(stored(key("/books/2", "")));
        assertEquals(1, cache.purge(PurgeRequest.ofPaths(List.of("/authors/1")), Instant.now()));
        assertFalse(stored(key("/authors/1", "")));
        PurgeRequest prefix = new PurgeRequest(List.of(), List.of(), List.of("/news/"), false, false);
        assertEquals(1, cache.purge(prefix, Instant.now()));
        assertFalse(stored(key("/news/today", "")));
        assertTrue(stored(key("/books/2", "")), "untouched by the purges of other tags, paths and prefixes");
        assertEquals(1, cache.index().size());
    }

    @Test
    void purgingEverythingLeavesNothing() {
        cache.put(entry(key("/1", ""), "a"), VaryRule.DEFAULT);
        cache.put(entry(key("/2", "")), VaryRule.DEFAULT);
        assertEquals(2, cache.purge(PurgeRequest.everything(), Instant.now()));
        assertFalse(stored(key("/1", "")) || stored(key("/2", "")));
    }

    @Test
    void aSoftPurgeKeepsTheEntryButStale() throws Exception {
        CacheKey key = key("/soft", "");
        cache.put(entry(key, "soft-t"), VaryRule.DEFAULT);
        assertEquals(Freshness.FRESH, Freshness.assess(cache.get(key).orElseThrow(), Instant.now()));
        Thread.sleep(5); // the purge is later than the store, by the clock purges are compared with
        assertEquals(1, cache.purge(PurgeRequest.ofTags(List.of("soft-t")).asSoft(), Instant.now()));
        CachedResponse stale = cache.get(key).orElseThrow(() -> new AssertionError("a soft purge keeps the entry"));
        assertNotEquals(Freshness.FRESH, Freshness.assess(stale, Instant.now().plusMillis(1)));
    }

    @Test
    void aRenderThatStartedBeforeAHardPurgeIsNotStored() {
        CachedResponse rendering = entry(key("/late", ""), "late-t"); // its render epoch is taken now
        assertTrue(cache.purge(PurgeRequest.ofTags(List.of("late-t")), Instant.now()) >= 0);
        assertTrue(cache.purgeEpoch() > rendering.renderEpoch(), "a purge advances the epoch");
        assertFalse(cache.put(rendering, VaryRule.DEFAULT), "purged while it rendered");
        assertFalse(stored(rendering.key()));
        assertTrue(cache.put(entry(key("/late", ""), "late-t"), VaryRule.DEFAULT), "a render after the purge is");
    }

    @Test
    void theIndexListsAndSelectsWhatIsStored() {
        cache.put(entry(key("/l/1", ""), "list-t"), VaryRule.DEFAULT);
        cache.put(entry(key("/l/2", ""), "list-t"), VaryRule.DEFAULT);
        cache.put(entry(key("/other", ""), "other-t"), VaryRule.DEFAULT);
        assertEquals(3, cache.index().size());
        assertEquals(
                Set.of(key("/l/1", "").value(), key("/l/2", "").value()),
                cache.index().list("list-t", null, 10).stream()
                        .map(EntryIndex.Indexed::key)
                        .collect(Collectors.toSet()));
        assertEquals(1, cache.index().list(null, "/oth", 10).size());
        assertEquals(
                Set.of("/l/1", "/l/2"),
                cache.select(PurgeRequest.ofTags(List.of("list-t"))).stream()
                        .map(found -> found.key().path())
                        .collect(Collectors.toSet()));
        assertTrue(cache.index().bytes() > 0);
    }

    @Test
    void aVaryRuleIsKeptPerPath() {
        assertTrue(cache.varyRule("/v").isDefault(), "no rule: the default");
        VaryRule byLanguage = VaryRule.parse(null, "Accept-Language");
        cache.putVaryRule("/v", byLanguage, Duration.ofHours(1));
        assertEquals(byLanguage, cache.varyRule("/v"));
        assertTrue(cache.varyRule("/w").isDefault());
        cache.putVaryRule("/v", VaryRule.DEFAULT, Duration.ofHours(1));
        assertTrue(cache.varyRule("/v").isDefault(), "the default rule replaces it");
    }
}
