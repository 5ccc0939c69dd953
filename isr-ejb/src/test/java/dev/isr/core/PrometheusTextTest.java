package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Prometheus text exposition format of the module's metrics. */
class PrometheusTextTest {

    @Test
    void groupsSamplesByNameWithOneHelpAndTypeLine() {
        String text = PrometheusText.render(List.of(
                PrometheusText.Sample.counter("isr_hits_total", "Fresh hits.", 3),
                new PrometheusText.Sample(
                        "isr_revalidations_total",
                        PrometheusText.Type.COUNTER,
                        "Revalidations.",
                        Map.of("result", "ok"),
                        2),
                new PrometheusText.Sample(
                        "isr_revalidations_total",
                        PrometheusText.Type.COUNTER,
                        "Revalidations.",
                        Map.of("result", "failed"),
                        1),
                PrometheusText.Sample.gauge("isr_entries", "Entries.", 7)));
        assertEquals("""
                # HELP isr_hits_total Fresh hits.
                # TYPE isr_hits_total counter
                isr_hits_total 3
                # HELP isr_revalidations_total Revalidations.
                # TYPE isr_revalidations_total counter
                isr_revalidations_total{result="ok"} 2
                isr_revalidations_total{result="failed"} 1
                # HELP isr_entries Entries.
                # TYPE isr_entries gauge
                isr_entries 7
                """, text);
    }

    @Test
    void refusesNamesAndLabelsThatWouldNeedEscaping() {
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.Sample.counter("isr-hits", "x", 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PrometheusText.Sample("isr_x", PrometheusText.Type.GAUGE, "x", Map.of("node", "a\"b"), 1));
    }

    @Test
    void aHistogramIsCumulativeWithPlainBoundsAndAnInfiniteBucket() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(200_000); // 0.2 ms: the first bucket
        histogram.record(500_000); // exactly 0.5 ms: still the first (le is "at most")
        histogram.record(3_000_000); // 3 ms: le=0.005
        histogram.record(60_000_000_000L); // a minute: only +Inf
        histogram.record(-5); // a clock that stepped back: 0
        String text = PrometheusText.render(
                List.of(), List.of(new PrometheusText.Histogram("isr_hit_seconds", "Hit time.", histogram.snapshot())));
        assertTrue(text.startsWith("# HELP isr_hit_seconds Hit time.\n# TYPE isr_hit_seconds histogram\n"), text);
        assertTrue(text.contains("isr_hit_seconds_bucket{le=\"0.0005\"} 3\n"), text);
        assertTrue(text.contains("isr_hit_seconds_bucket{le=\"0.0025\"} 3\n"), text);
        assertTrue(text.contains("isr_hit_seconds_bucket{le=\"0.005\"} 4\n"), text);
        assertTrue(text.contains("isr_hit_seconds_bucket{le=\"10\"} 4\n"), text);
        assertTrue(text.contains("isr_hit_seconds_bucket{le=\"+Inf\"} 5\n"), text);
        assertTrue(text.contains("isr_hit_seconds_count 5\n"), text);
        assertTrue(text.contains("isr_hit_seconds_sum 60.0037\n"), text);
    }

    @Test
    void bypassReasonsAreTokensAndBounded() {
        CacheStatistics statistics = new CacheStatistics();
        statistics.bypass("no-store");
        statistics.bypass("no-store");
        statistics.bypass("Not A Token");
        statistics.bypass(null);
        for (int i = 0; i < CacheStatistics.MAX_REASONS + 10; i++) {
            statistics.bypass("reason-" + i);
        }
        assertEquals(2L, statistics.bypassesByReason().get("no-store"));
        assertTrue(statistics.bypassesByReason().size() <= CacheStatistics.MAX_REASONS + 1, "the bound, and other");
        assertTrue(
                statistics.bypassesByReason().get(CacheStatistics.OTHER) >= 12,
                statistics.bypassesByReason().toString());
        assertEquals(4 + CacheStatistics.MAX_REASONS + 10, statistics.snapshot().bypasses());
    }

    @Test
    void aStaleIfErrorAnswerIsOneAnswerNotAMissAndAStaleHit() {
        CacheStatistics statistics = new CacheStatistics();
        statistics.hit();
        statistics.miss(); // the render that failed...
        statistics.staleHit(); // ...answered with the stale entry
        statistics.staleIfError();
        DegradationWatch.Totals totals = statistics.degradationTotals();
        assertEquals(2, totals.answers());
        assertEquals(1, totals.staleIfError());
    }
}
