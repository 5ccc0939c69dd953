package dev.isr.core;

import static dev.isr.core.Entries.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The read path: which requests are answered from the cache, and what the others are told. */
class FrontDoorTest {

    private static final HeaderLookup NO_HEADERS = name -> List.of();
    private static final String TOKEN = "0123456789abcdef-secret";

    private final MapCache cache = new MapCache();
    private final List<CachedResponse> revalidated = new ArrayList<>();
    private final CacheStatistics statistics = new CacheStatistics();
    private final FrontDoor frontDoor = new FrontDoor(
            cache,
            new CacheKeyFactory(IsrConfig.DEFAULT_IGNORED_QUERY_PARAMS),
            new CacheStatus("isr"),
            revalidated::add,
            TOKEN::equals,
            statistics,
            new PublicOrigins(List.of()),
            new PassMemory(Duration.ofSeconds(60)));

    private static HeaderLookup headers(Map<String, String> fields) {
        return name -> fields.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .toList();
    }

    @Test
    void missForwardsWithKey() {
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class,
                frontDoor.lookup(Entries.request("GET", "/books", "b=1&utm_source=x", NO_HEADERS), T0));
        assertEquals(Entries.ORIGIN + "/books?b=1", forward.key().value());
        assertEquals(CacheStatus.Forward.URI_MISS, forward.reason());
        assertTrue(forward.mayStore());
        assertTrue(forward.collapsible());
        assertEquals(1, statistics.snapshot().misses());
    }

    @Test
    void freshEntryIsServedWithAgeAndTtl() {
        cache.put(Entries.entry("/books", Entries.policy(60, 0, 0, false)));
        Lookup.Serve serve = assertInstanceOf(
                Lookup.Serve.class,
                frontDoor.lookup(Entries.request("GET", "/books", null, NO_HEADERS), T0.plusSeconds(18)));
        assertEquals(18, serve.ageSeconds());
        assertEquals("isr; hit; ttl=42", serve.cacheStatus());
        assertTrue(serve.withBody());
        assertFalse(serve.notModified());
        assertEquals(1, statistics.snapshot().hits());
    }

    @Test
    void trackingParametersDoNotMissTheEntry() {
        cache.put(Entries.entry("/books", Entries.policy(60, 0, 0, false)));
        assertInstanceOf(
                Lookup.Serve.class,
                frontDoor.lookup(Entries.request("GET", "/books", "utm_source=news&fbclid=x", NO_HEADERS), T0));
    }

    @Test
    void headIsAnsweredFromTheGetEntryWithoutBody() {
        cache.put(Entries.entry("/books", Entries.policy(60, 0, 0, false)));
        Lookup.Serve serve = assertInstanceOf(
                Lookup.Serve.class, frontDoor.lookup(Entries.request("HEAD", "/books", null, NO_HEADERS), T0));
        assertFalse(serve.withBody());
    }

    @Test
    void headMissIsNeitherStoredNorCollapsed() {
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class, frontDoor.lookup(Entries.request("HEAD", "/books", null, NO_HEADERS), T0));
        assertFalse(forward.mayStore());
        assertFalse(forward.collapsible());
    }

    @Test
    void expiredEntryWithoutStaleWindowIsForwardedAsStale() {
        cache.put(Entries.entry("/books", Entries.policy(60, 0, 0, false)));
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class,
                frontDoor.lookup(Entries.request("GET", "/books", null, NO_HEADERS), T0.plusSeconds(60)));
        assertEquals(CacheStatus.Forward.STALE, forward.reason());
        assertNull(forward.staleIfError());
        assertTrue(forward.mayStore());
    }

    @Test
    void otherMethodsAreForwardedForTheirMethod() {
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class, frontDoor.lookup(Entries.request("POST", "/books", null, NO_HEADERS), T0));
        assertEquals(CacheStatus.Forward.METHOD, forward.reason());
        assertNull(forward.key());
        assertEquals("/books", forward.path());
        assertFalse(forward.mayStore());
    }

    @Test
    void unavailableCacheBypassesAndNeverStores() {
        cache.available = false;
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class, frontDoor.lookup(Entries.request("GET", "/books", null, NO_HEADERS), T0));
        assertEquals(CacheStatus.Forward.BYPASS, forward.reason());
        assertEquals("cache-unavailable", forward.detail());
        assertFalse(forward.mayStore());
    }

    @Test
    void authorizationIsNotServedAnEntryThatIsNotShared() {
        CachePolicy notShared =
                new CachePolicy(Duration.ofSeconds(60), Duration.ZERO, Duration.ZERO, false, false, false);
        cache.put(Entries.entry("/books", notShared));
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class,
                frontDoor.lookup(
                        Entries.request("GET", "/books", null, headers(Map.of("Authorization", "Bearer x"))), T0));
        assertEquals("authorization", forward.detail());
    }

    @Test
    void authorizationIsServedASharedEntry() {
        cache.put(Entries.entry("/books", Entries.policy(60, 0, 0, false)));
        assertInstanceOf(
                Lookup.Serve.class,
                frontDoor.lookup(
                        Entries.request("GET", "/books", null, headers(Map.of("Authorization", "Bearer x"))), T0));
    }

    @Test
    void revalidationWithTheTokenAlwaysRenders() {
        cache.put(Entries.entry("/books", Entries.policy(60, 0, 0, false)));
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class,
                frontDoor.lookup(Entries.request("GET", "/books", null, headers(Map.of("Isr-Revalidate", TOKEN))), T0));
        assertTrue(forward.revalidation());
        assertTrue(forward.mayStore());
        assertFalse(forward.collapsible(), "a revalidation never waits for, or holds up, visitors");
        assertEquals(CacheStatus.Forward.REQUEST, forward.reason());
    }

    @Test
    void forgedRevalidationTokenIsServedFromTheCache() {
        cache.put(Entries.entry("/books", Entries.policy(60, 0, 0, false)));
        assertInstanceOf(
                Lookup.Serve.class,
                frontDoor.lookup(
                        Entries.request("GET", "/books", null, headers(Map.of("Isr-Revalidate", "guess"))), T0));
        Lookup.Forward miss = assertInstanceOf(
                Lookup.Forward.class,
                frontDoor.lookup(
                        Entries.request("GET", "/other", null, headers(Map.of("Isr-Revalidate", "guess"))), T0));
        assertFalse(miss.revalidation());
    }

    @Test
    void variantIsSelectedByTheStoredVaryRule() {
        VaryRule rule = VaryRule.parse("query=page, cookie=ab", "Accept-Language");
        CacheKeyFactory keys = new CacheKeyFactory(List.of());
        Map<String, String> german = Map.of("Accept-Language", "de", "Cookie", "ab=b; session=1");
        CacheKey key = rule.keyFor(keys, new RequestTarget(Entries.ORIGIN, "/list", "page=2&sort=x"), headers(german));
        cache.put(Entries.entry(key, Entries.policy(60, 0, 0, false), List.of()), rule);

        assertInstanceOf(
                Lookup.Serve.class,
                frontDoor.lookup(Entries.request("GET", "/list", "sort=y&page=2", headers(german)), T0));
        assertInstanceOf(
                Lookup.Forward.class,
                frontDoor.lookup(
                        Entries.request(
                                "GET", "/list", "page=2", headers(Map.of("Accept-Language", "en", "Cookie", "ab=b"))),
                        T0));
        assertInstanceOf(
                Lookup.Forward.class,
                frontDoor.lookup(
                        Entries.request(
                                "GET", "/list", "page=2", headers(Map.of("Accept-Language", "de", "Cookie", "ab=a"))),
                        T0));
        assertInstanceOf(
                Lookup.Forward.class, frontDoor.lookup(Entries.request("GET", "/list", "page=3", headers(german)), T0));
    }

    @Test
    void collapsedRequestIsServedWhatTheLeaderStored() {
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class, frontDoor.lookup(Entries.request("GET", "/books", null, NO_HEADERS), T0));
        assertTrue(frontDoor.collapsedOnto(forward, NO_HEADERS, T0, true).isEmpty(), "nothing stored yet");
        cache.put(Entries.entry("/books", Entries.policy(60, 0, 0, false)));
        Lookup.Serve serve =
                frontDoor.collapsedOnto(forward, NO_HEADERS, T0, true).orElseThrow();
        assertEquals("isr; fwd=uri-miss; collapsed", serve.cacheStatus());
        assertEquals(1, statistics.snapshot().collapsed());
    }
}
