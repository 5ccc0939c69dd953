package dev.isr.core;

import static dev.isr.core.Entries.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5861 through the front door: stale-while-revalidate and stale-if-error, with a fake clock. */
class Rfc5861Test {

    private static final HeaderLookup NO_HEADERS = name -> List.of();

    private final MapCache cache = new MapCache();
    private final List<CachedResponse> revalidated = new ArrayList<>();
    private final FrontDoor frontDoor = new FrontDoor(
            cache,
            new CacheKeyFactory(List.of()),
            new CacheStatus("isr"),
            revalidated::add,
            token -> false,
            new CacheStatistics(),
            new PublicOrigins(List.of()),
            new PassMemory(Duration.ofSeconds(60)));

    @Test
    void staleWhileRevalidateServesStaleAndStartsARevalidation() {
        CachedResponse entry = Entries.entry("/p", Entries.policy(60, 30, 0, false));
        cache.put(entry);
        Lookup.Serve serve = assertInstanceOf(
                Lookup.Serve.class,
                frontDoor.lookup(Entries.request("GET", "/p", null, NO_HEADERS), T0.plusSeconds(65)));
        assertEquals("isr; hit; ttl=-5; detail=stale-while-revalidate", serve.cacheStatus());
        assertEquals(65, serve.ageSeconds());
        assertEquals(List.of(entry), revalidated);
    }

    @Test
    void freshHitStartsNoRevalidation() {
        cache.put(Entries.entry("/p", Entries.policy(60, 30, 0, false)));
        frontDoor.lookup(Entries.request("GET", "/p", null, NO_HEADERS), T0.plusSeconds(59));
        assertTrue(revalidated.isEmpty());
    }

    @Test
    void pastTheRevalidateWindowTheEntryIsRenderedAgain() {
        cache.put(Entries.entry("/p", Entries.policy(60, 30, 0, false)));
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class,
                frontDoor.lookup(Entries.request("GET", "/p", null, NO_HEADERS), T0.plusSeconds(90)));
        assertEquals(CacheStatus.Forward.STALE, forward.reason());
        assertNull(forward.staleIfError());
        assertTrue(revalidated.isEmpty());
    }

    @Test
    void staleIfErrorWindowRendersWithTheStaleEntryAsFallback() {
        CachedResponse entry = Entries.entry("/p", Entries.policy(60, 0, 600, false));
        cache.put(entry);
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class,
                frontDoor.lookup(Entries.request("GET", "/p", null, NO_HEADERS), T0.plusSeconds(80)));
        assertSame(entry, forward.staleIfError());
        Lookup.Serve fallback = frontDoor.serveStaleIfError(entry, T0.plusSeconds(80), true);
        assertEquals("isr; hit; ttl=-20; detail=stale-if-error", fallback.cacheStatus());
    }

    @Test
    void mustRevalidateNeverServesStale() {
        cache.put(Entries.entry("/p", Entries.policy(60, 30, 600, true)));
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class,
                frontDoor.lookup(Entries.request("GET", "/p", null, NO_HEADERS), T0.plusSeconds(61)));
        assertNull(forward.staleIfError());
        assertTrue(revalidated.isEmpty());
    }
}
