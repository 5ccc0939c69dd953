package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The Cache-Status field of RFC 9211, in the forms the contract lists. */
class Rfc9211CacheStatusTest {

    private final CacheStatus status = new CacheStatus("isr");

    @Test
    void freshHit() {
        assertEquals("isr; hit; ttl=42", status.hit(42, null));
    }

    @Test
    void staleHitWithDetail() {
        assertEquals("isr; hit; ttl=-5; detail=stale-while-revalidate", status.hit(-5, "stale-while-revalidate"));
    }

    @Test
    void missStored() {
        assertEquals("isr; fwd=uri-miss; stored", status.forwarded(CacheStatus.Forward.URI_MISS, true, null));
    }

    @Test
    void staleStored() {
        assertEquals("isr; fwd=stale; stored", status.forwarded(CacheStatus.Forward.STALE, true, null));
    }

    @Test
    void bypassWithReason() {
        assertEquals("isr; fwd=bypass; detail=private", status.forwarded(CacheStatus.Forward.BYPASS, false, "private"));
    }

    @Test
    void cacheNameMustBeAToken() {
        assertThrows(IllegalArgumentException.class, () -> new CacheStatus("my cache"));
        assertThrows(IllegalArgumentException.class, () -> new CacheStatus("1isr"));
        assertEquals("edge-1; hit; ttl=1", new CacheStatus("edge-1").hit(1, null));
    }

    @Test
    void detailMustBeAToken() {
        assertThrows(IllegalArgumentException.class, () -> status.hit(1, "two words"));
    }
}
