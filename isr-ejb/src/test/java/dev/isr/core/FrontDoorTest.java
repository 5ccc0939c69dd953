package dev.isr.core;

import static dev.isr.core.Entries.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The read path: which requests are answered from the cache, and what the others are told. */
class FrontDoorTest {

    /** A real, if simple, cache: a map. */
    static final class MapCache implements ResponseCache {
        final Map<String, CachedResponse> entries = new ConcurrentHashMap<>();
        boolean available = true;

        @Override
        public Optional<CachedResponse> get(CacheKey key) {
            return Optional.ofNullable(entries.get(key.value()));
        }

        @Override
        public void put(CachedResponse response) {
            entries.put(response.key(), response);
        }

        @Override
        public void remove(CacheKey key) {
            entries.remove(key.value());
        }

        @Override
        public boolean available() {
            return available;
        }
    }

    private static final HeaderLookup NO_HEADERS = name -> List.of();

    private final MapCache cache = new MapCache();
    private final FrontDoor frontDoor = new FrontDoor(cache,
            new CacheKeyFactory(IsrConfig.DEFAULT_IGNORED_QUERY_PARAMS), new CacheStatus("isr"));

    @Test
    void missForwardsWithKey() {
        Lookup.Forward forward = assertInstanceOf(Lookup.Forward.class,
                frontDoor.lookup("GET", "/books", "b=1&utm_source=x", NO_HEADERS, T0));
        assertEquals("/books?b=1", forward.key().value());
        assertEquals(CacheStatus.Forward.URI_MISS, forward.reason());
        assertTrue(forward.mayStore());
    }

    @Test
    void freshEntryIsServedWithAgeAndTtl() {
        cache.put(Entries.entry("/books", Entries.policy(60, 0, 0, false)));
        Lookup.Serve serve = assertInstanceOf(Lookup.Serve.class,
                frontDoor.lookup("GET", "/books", null, NO_HEADERS, T0.plusSeconds(18)));
        assertEquals(18, serve.ageSeconds());
        assertEquals("isr; hit; ttl=42", serve.cacheStatus());
        assertTrue(serve.withBody());
    }

    @Test
    void headIsAnsweredFromTheGetEntryWithoutBody() {
        cache.put(Entries.entry("/books", Entries.policy(60, 0, 0, false)));
        Lookup.Serve serve = assertInstanceOf(Lookup.Serve.class,
                frontDoor.lookup("HEAD", "/books", null, NO_HEADERS, T0));
        assertFalse(serve.withBody());
    }

    @Test
    void expiredEntryIsForwardedAsStale() {
        cache.put(Entries.entry("/books", Entries.policy(60, 0, 0, false)));
        Lookup.Forward forward = assertInstanceOf(Lookup.Forward.class,
                frontDoor.lookup("GET", "/books", null, NO_HEADERS, T0.plusSeconds(60)));
        assertEquals(CacheStatus.Forward.STALE, forward.reason());
        assertTrue(forward.mayStore());
    }

    @Test
    void otherMethodsBypass() {
        Lookup.Forward forward = assertInstanceOf(Lookup.Forward.class,
                frontDoor.lookup("POST", "/books", null, NO_HEADERS, T0));
        assertEquals(CacheStatus.Forward.BYPASS, forward.reason());
        assertNull(forward.key());
        assertFalse(forward.mayStore());
    }

    @Test
    void unavailableCacheBypassesAndNeverStores() {
        cache.available = false;
        Lookup.Forward forward = assertInstanceOf(Lookup.Forward.class,
                frontDoor.lookup("GET", "/books", null, NO_HEADERS, T0));
        assertEquals("cache-unavailable", forward.detail());
        assertFalse(forward.mayStore());
    }

    @Test
    void authorizationIsNotServedAPrivateEntry() {
        CachePolicy notShared = new CachePolicy(java.time.Duration.ofSeconds(60), java.time.Duration.ZERO,
                java.time.Duration.ZERO, false, false, false);
        cache.put(Entries.entry("/books", notShared));
        HeaderLookup authorized = name -> name.equals("Authorization") ? List.of("Bearer x") : List.of();
        Lookup.Forward forward = assertInstanceOf(Lookup.Forward.class,
                frontDoor.lookup("GET", "/books", null, authorized, T0));
        assertEquals("authorization", forward.detail());
    }

    @Test
    void authorizationIsServedASharedEntry() {
        cache.put(Entries.entry("/books", Entries.policy(60, 0, 0, false)));
        HeaderLookup authorized = name -> name.equals("Authorization") ? List.of("Bearer x") : List.of();
        assertInstanceOf(Lookup.Serve.class, frontDoor.lookup("GET", "/books", null, authorized, T0));
    }
}
