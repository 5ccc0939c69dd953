package dev.isr.core;

import static dev.isr.core.Entries.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The freshness decision (RFC 9111 section 4.2, RFC 5861), with time as a parameter. */
class FreshnessTest {

    @ParameterizedTest(name = "[{index}] fresh={0} swr={1} sie={2} neverStale={3} at +{4}s -> {5}")
    @CsvSource(textBlock = """
            60, 0,   0,   false, 0,    FRESH
            60, 0,   0,   false, 59,   FRESH
            60, 0,   0,   false, 60,   MUST_FETCH
            60, 30,  0,   false, 60,   STALE_REVALIDATE
            60, 30,  0,   false, 89,   STALE_REVALIDATE
            60, 30,  0,   false, 90,   MUST_FETCH
            60, 30,  300, false, 90,   STALE_IF_ERROR
            60, 30,  300, false, 359,  STALE_IF_ERROR
            60, 30,  300, false, 360,  MUST_FETCH
            60, 0,   300, false, 61,   STALE_IF_ERROR
            60, 30,  300, true,  61,   MUST_FETCH
            60, 30,  300, true,  59,   FRESH
            0,  30,  0,   false, 0,    STALE_REVALIDATE
            """)
    void assess(long fresh, long swr, long sie, boolean neverStale, long atSeconds, Freshness expected) {
        CachedResponse entry = Entries.entry("/p", Entries.policy(fresh, swr, sie, neverStale));
        assertEquals(expected, Freshness.assess(entry, T0.plusSeconds(atSeconds)));
    }

    @Test
    void ageAndTtlFollowTheClock() {
        CachedResponse entry = Entries.entry("/p", Entries.policy(60, 0, 0, false));
        assertEquals(0, entry.ageSeconds(T0));
        assertEquals(60, entry.ttlSeconds(T0));
        assertEquals(42, entry.ageSeconds(T0.plusMillis(42_999)));
        assertEquals(-5, entry.ttlSeconds(T0.plusSeconds(65)));
        assertEquals(0, entry.ttlSeconds(T0.plusMillis(59_500)), "fresh for half a second more");
        assertEquals(-1, entry.ttlSeconds(T0.plusMillis(60_100)), "stale by a tenth of a second is already negative");
        assertEquals(0, entry.ageSeconds(T0.minusSeconds(3)), "a clock step backwards never gives a negative Age");
    }
}
