package dev.isr.metrics;

import dev.isr.core.MetricCatalog;
import dev.isr.core.PrometheusText;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The catalog's metrics as Micrometer meters, read live (function counters and gauges: nothing is recorded twice),
 * for WildFly's Micrometer subsystem (which tags them with the deployment, {@code WF_DEPLOYMENT}). The latency histograms become function timers (count and total time): their
 * buckets stay on {@code GET /isr/metrics}. Loaded only where Micrometer is on the deployment's class path.
 */
final class MicrometerMeters implements ServerMetrics.Registration {

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    MicrometerMeters(MeterRegistry registry, MetricCatalog catalog) {
        this.registry = registry;
        // the registry's own methods, not the meters' builders: WildFly's per-deployment registry forwards these to
        // the server's registries, and (in WildFly 39) keeps what builders register to itself
        for (MetricCatalog.Metric metric : catalog.metrics()) {
            Tags tags = Tags.empty();
            for (var label : metric.labels().entrySet()) {
                tags = tags.and(label.getKey(), label.getValue());
            }
            if (metric.type() == PrometheusText.Type.COUNTER) {
                meters.add(registry.more()
                        .counter(metric.name(), tags, metric, m -> m.value().getAsLong()));
            } else {
                registry.gauge(metric.name(), tags, metric, m -> m.value().getAsLong());
                Meter gauge = registry.find(metric.name()).tags(tags).gauge();
                if (gauge != null) {
                    meters.add(gauge);
                }
            }
        }
        for (MetricCatalog.Latency latency : catalog.latencies()) {
            String name = latency.name().replaceFirst("_seconds$", "");
            meters.add(registry.more()
                    .timer(
                            name,
                            Tags.empty(),
                            latency,
                            l -> l.values().get().count(),
                            l -> l.values().get().sumSeconds(),
                            TimeUnit.SECONDS));
        }
    }

    @Override
    public String system() {
        return "Micrometer (" + registry.getClass().getSimpleName() + ")";
    }

    @Override
    public int size() {
        return meters.size();
    }

    /** Removes the meters, so that a redeployment registers its own and the old deployment can be unloaded. */
    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
