package dev.isr.core;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Every metric of the module, named once, each read live from its source: {@code GET /isr/metrics} renders them as
 * Prometheus text, and the server's own metrics system (Micrometer on WildFly, MicroProfile Metrics on Payara) is
 * given the same list, so that the two never disagree on a name or a meaning.
 *
 * <p>Names are Prometheus names without the {@code _total} suffix of counters (Micrometer adds it, Prometheus text
 * here adds it); bypasses by reason, whose labels appear as reasons do, are not in the list: the endpoint adds them.
 */
public final class MetricCatalog {

    /** A counter or a gauge: {@code name{labels} value}. */
    public record Metric(
            String name, PrometheusText.Type type, String help, Map<String, String> labels, LongSupplier value) {

        public Metric {
            labels = Map.copyOf(labels);
        }

        /** The name in Prometheus text: counters end in {@code _total}. */
        public String exposedName() {
            return type == PrometheusText.Type.COUNTER ? name + "_total" : name;
        }

        public PrometheusText.Sample sample() {
            return new PrometheusText.Sample(exposedName(), type, help, labels, value.getAsLong());
        }
    }

    /** A latency histogram, read as a snapshot. */
    public record Latency(String name, String help, Supplier<LatencyHistogram.Snapshot> values) {}

    /**
     * What a node is doing now, each count bounded by design: renders it leads, background revalidations running, keys
     * backing off after a failed revalidation, keys remembered as not storable. A count that only grows under steady
     * traffic is a leak; the soak test (ClusterIT) watches them.
     */
    public record WorkInProgress(
            LongSupplier renders, LongSupplier revalidations, LongSupplier backingOff, LongSupplier passKeys) {}

    private final List<Metric> metrics;
    private final List<Latency> latencies;

    public MetricCatalog(
            CacheStatistics statistics,
            ResponseCache cache,
            ClusterView cluster,
            ByteBudgets budgets,
            WorkInProgress work) {
        this.metrics = Stream.concat(counters(statistics).stream(), gauges(cache, cluster, budgets, work).stream())
                .toList();
        this.latencies = List.of(
                new Latency("isr_hit_seconds", "Time to answer a hit, from lookup to written.", statistics::hitLatency),
                new Latency(
                        "isr_render_seconds",
                        "Time a request spent in the application (misses, bypasses," + " revalidations).",
                        statistics::renderLatency),
                new Latency(
                        "isr_purge_seconds",
                        "Time until every member held a purge's records: its propagation.",
                        statistics::purgeLatency));
    }

    private static List<Metric> counters(CacheStatistics statistics) {
        return Stream.concat(answerCounters(statistics).stream(), backgroundCounters(statistics).stream())
                .toList();
    }

    /** How requests were answered: from the cache, by a render, stored or not. */
    private static List<Metric> answerCounters(CacheStatistics statistics) {
        return List.of(
                counter(
                        "isr_hits",
                        "Fresh hits answered from the cache.",
                        () -> statistics.snapshot().hits()),
                counter(
                        "isr_stale_hits",
                        "Stale hits (stale-while-revalidate or stale-if-error).",
                        () -> statistics.snapshot().staleHits()),
                counter(
                        "isr_misses",
                        "Lookups that rendered: no entry, or none usable.",
                        () -> statistics.snapshot().misses()),
                counter(
                        "isr_collapsed",
                        "Requests answered with another request's render.",
                        () -> statistics.snapshot().collapsed()),
                counter(
                        "isr_stores",
                        "Responses stored.",
                        () -> statistics.snapshot().stores()));
    }

    /** What ran besides the answers: revalidations and purges; and the renders and hits that skipped a step. */
    private static List<Metric> backgroundCounters(CacheStatistics statistics) {
        return List.of(
                new Metric(
                        "isr_revalidations",
                        PrometheusText.Type.COUNTER,
                        "Background revalidations, by result.",
                        Map.of("result", "ok"),
                        () -> statistics.snapshot().revalidationsOk()),
                new Metric(
                        "isr_revalidations",
                        PrometheusText.Type.COUNTER,
                        "Background revalidations, by result.",
                        Map.of("result", "failed"),
                        () -> statistics.snapshot().revalidationsFailed()),
                counter("isr_purges", "Purge calls (admin API, webhook, IsrPurge, IsrCache).", statistics::purgeCalls),
                counter(
                        "isr_purged_entries",
                        "Entries purged (removed or marked stale) by this node.",
                        () -> statistics.snapshot().purges()),
                counter(
                        "isr_passes",
                        "Renders not collapsed because the key was recently not storable.",
                        () -> statistics.snapshot().passes()),
                counter(
                        "isr_answered_before_servlet",
                        "Hits answered by the fast lane before servlet dispatch.",
                        () -> statistics.snapshot().beforeServlet()));
    }

    private static List<Metric> gauges(
            ResponseCache cache, ClusterView cluster, ByteBudgets budgets, WorkInProgress work) {
        return List.of(
                gauge(
                        "isr_entries",
                        "Entries this node indexes.",
                        () -> cache.index().size()),
                gauge(
                        "isr_entry_bytes",
                        "Bytes of the entries this node indexes.",
                        () -> cache.index().bytes()),
                gauge(
                        "isr_memory_bytes",
                        "Bytes of entries in memory.",
                        () -> cache.usage().memory()),
                gauge("isr_memory_max_bytes", "isr.memory.max-bytes.", budgets::memory),
                gauge(
                        "isr_store_bytes",
                        "Bytes of durable entries.",
                        () -> cache.usage().store()),
                gauge("isr_store_max_bytes", "isr.store.max-bytes.", budgets::store),
                gauge("isr_cluster_members", "Members of the cluster view.", cluster::members),
                gauge(
                        "isr_renders_in_flight",
                        "Renders this node leads now (collapsed requests wait on them).",
                        work.renders()),
                gauge(
                        "isr_revalidations_in_flight",
                        "Background revalidations running on this node (at most"
                                + " isr.revalidation.max-concurrency).",
                        work.revalidations()),
                gauge(
                        "isr_revalidation_backoff_keys",
                        "Keys whose last revalidation failed, not revalidated again"
                                + " for isr.revalidation.retry-after.",
                        work.backingOff()),
                gauge("isr_pass_keys", "Keys remembered as not storable (hit-for-pass).", work.passKeys()));
    }

    private static Metric counter(String name, String help, LongSupplier value) {
        return new Metric(name, PrometheusText.Type.COUNTER, help, Map.of(), value);
    }

    private static Metric gauge(String name, String help, LongSupplier value) {
        return new Metric(name, PrometheusText.Type.GAUGE, help, Map.of(), value);
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public List<Latency> latencies() {
        return latencies;
    }
}
