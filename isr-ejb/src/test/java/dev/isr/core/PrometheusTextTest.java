package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Prometheus text exposition format of the module's metrics. */
class PrometheusTextTest {

    @Test
    void groupsSamplesByNameWithOneHelpAndTypeLine() {
        String text = PrometheusText.render(List.of(
                PrometheusText.Sample.counter("isr_hits_total", "Fresh hits.", 3),
                new PrometheusText.Sample("isr_revalidations_total", PrometheusText.Type.COUNTER, "Revalidations.",
                        Map.of("result", "ok"), 2),
                new PrometheusText.Sample("isr_revalidations_total", PrometheusText.Type.COUNTER, "Revalidations.",
                        Map.of("result", "failed"), 1),
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
        assertThrows(IllegalArgumentException.class, () -> new PrometheusText.Sample("isr_x",
                PrometheusText.Type.GAUGE, "x", Map.of("node", "a\"b"), 1));
    }
}
