package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Readiness' degraded verdict: the share of stale-if-error answers, or of failed revalidations, over a sliding window
 * of cumulative counters; judged only with enough samples; and back by itself once the failures are older.
 */
class DegradationWatchTest {

    private static final long MINUTE = 60_000;

    private static DegradationWatch.Totals totals(long answers, long stale, long revalidations, long failed) {
        return new DegradationWatch.Totals(answers, stale, revalidations, failed);
    }

    @ParameterizedTest(name = "{0} answers, {1} stale-if-error, {2} revalidations, {3} failed: degraded {4}")
    @CsvSource({
        "100, 10,  0,  0, false",
        "100, 51,  0,  0, true",
        "100, 50,  0,  0, false",
        " 19, 19,  0,  0, false",
        "100,  0, 40, 21, true",
        "100,  0, 40, 20, false",
        "100,  0, 10, 10, false",
        "  0,  0,  0,  0, false",
    })
    void aShareAboveTheThresholdWithEnoughSamplesIsDegraded(
            long answers, long stale, long revalidations, long failed, boolean degraded) {
        DegradationWatch watch = new DegradationWatch(Duration.ofMinutes(5), 0.5);
        watch.observe(0, totals(0, 0, 0, 0));
        assertEquals(
                degraded,
                watch.observe(MINUTE, totals(answers, stale, revalidations, failed))
                        .degraded());
    }

    @Test
    void theVerdictComesBackOnceTheFailuresAreOlderThanTheWindow() {
        DegradationWatch watch = new DegradationWatch(Duration.ofMinutes(5), 0.5);
        watch.observe(0, totals(0, 0, 0, 0));
        DegradationWatch.Verdict outage = watch.observe(MINUTE, totals(100, 90, 0, 0));
        assertTrue(outage.degraded());
        assertEquals(0.9, outage.staleIfErrorShare(), 1e-9);
        assertTrue(watch.observe(3 * MINUTE, totals(150, 92, 0, 0)).degraded(), "still within the window");
        // the origin is back: only fresh answers from here on
        assertTrue(
                watch.observe(5 * MINUTE, totals(300, 92, 0, 0)).degraded() == false,
                "92 of 300 since the" + " baseline at 0: under half");
        assertFalse(watch.observe(7 * MINUTE, totals(400, 92, 0, 0)).degraded());
        assertEquals(
                0.0,
                watch.observe(9 * MINUTE, totals(500, 92, 0, 0)).staleIfErrorShare(),
                1e-9,
                "the outage minute is out of the window");
    }

    @Test
    void frequentObservationsKeepFewSamples() {
        DegradationWatch watch = new DegradationWatch(Duration.ofMinutes(5), 0.5);
        for (long at = 0; at < 10 * MINUTE; at += 10) {
            watch.observe(at, totals(at, 0, 0, 0));
        }
        assertFalse(watch.observe(10 * MINUTE, totals(10 * MINUTE, 0, 0, 0)).degraded());
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DegradationWatch(Duration.ZERO, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new DegradationWatch(Duration.ofMinutes(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new DegradationWatch(Duration.ofMinutes(1), 1.5));
    }
}
