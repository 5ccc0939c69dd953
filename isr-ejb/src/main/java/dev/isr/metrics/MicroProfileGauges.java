package dev.isr.metrics;

import dev.isr.core.MetricCatalog;
import dev.isr.core.PrometheusText;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The catalog's metrics in MicroProfile Metrics (Payara), in the application registry. MicroProfile Metrics 5 has no
 * counter read from a function, so every metric is a gauge read live; counters keep their {@code _total} name, so
 * that {@code rate()} reads as on {@code GET /isr/metrics}. Loaded only where MicroProfile Metrics is on the
 * deployment's class path.
 */
final class MicroProfileGauges implements ServerMetrics.Registration {

    private final MetricRegistry registry;
    private final List<MetricID> registered = new ArrayList<>();

    MicroProfileGauges(MetricRegistry registry, MetricCatalog catalog) {
        this.registry = registry;
        for (MetricCatalog.Metric metric : catalog.metrics()) {
            Tag[] tags = metric.labels().entrySet().stream()
                    .map(label -> new Tag(label.getKey(), label.getValue()))
                    .toArray(Tag[]::new);
            String name = metric.type() == PrometheusText.Type.COUNTER ? metric.exposedName() : metric.name();
            Metadata metadata = Metadata.builder()
                    .withName(name)
                    .withDescription(metric.help())
                    .build();
            registry.gauge(metadata, metric, m -> m.value().getAsLong(), tags);
            registered.add(new MetricID(name, tags));
        }
    }

    @Override
    public String system() {
        return "MicroProfile Metrics (application registry)";
    }

    @Override
    public int size() {
        return registered.size();
    }

    @Override
    public void close() {
        registered.forEach(registry::remove);
        registered.clear();
    }
}
