package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An entry a node cannot confirm was not purged (it came back alone): never served before a render, never with
 * stale-while-revalidate, still within its stale-if-error window if that render fails; age and content unchanged.
 */
class UnconfirmedEntryTest {

    private static final Instant STORED = Instant.parse("2026-11-24T00:00:00Z");

    @ParameterizedTest(name = "fresh {0}s, swr {1}s, sie {2}s, read at {3}s: {4}, then {5} at {6}s")
    @CsvSource({
        "60, 30, 300,  10, STALE_IF_ERROR, STALE_IF_ERROR, 359",
        "60, 30, 300,  10, STALE_IF_ERROR, MUST_FETCH,     361",
        "60, 30,   0,  10, MUST_FETCH,     MUST_FETCH,      11",
        "60,  0, 300, 100, STALE_IF_ERROR, MUST_FETCH,     361",
        "60, 30, 300,   0, STALE_IF_ERROR, STALE_IF_ERROR,   1",
    })
    void anUnconfirmedEntryIsRenderedBeforeItIsServed(
            long fresh, long swr, long sie, long readAt, Freshness now, Freshness later, long laterAt) {
        CachePolicy policy = new CachePolicy(
                Duration.ofSeconds(fresh), Duration.ofSeconds(swr), Duration.ofSeconds(sie), false, false, true);
        CachedResponse entry = new CachedResponse(
                new CacheKey("/p", ""),
                200,
                List.of(),
                "p".getBytes(StandardCharsets.UTF_8),
                STORED,
                policy,
                List.of(),
                List.of());
        CachedResponse unconfirmed = entry.unconfirmed();
        assertEquals(now, Freshness.assess(unconfirmed, STORED.plusSeconds(readAt)));
        assertEquals(later, Freshness.assess(unconfirmed, STORED.plusSeconds(laterAt)));
        assertEquals(entry.storedAt(), unconfirmed.storedAt());
        assertEquals(entry.ageSeconds(STORED.plusSeconds(readAt)), unconfirmed.ageSeconds(STORED.plusSeconds(readAt)));
    }
}
