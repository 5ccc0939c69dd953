package dev.isr.store;

import dev.isr.core.CacheStatistics;
import dev.isr.core.ClusterView;
import dev.isr.core.DegradationWatch;
import dev.isr.core.IsrConfig;
import dev.isr.core.ResponseCache;
import dev.isr.health.IsrHealth;
import java.time.Clock;

/**
 * What readiness reports, taken where the counters are visible: the health package sits in the EAR's library (where
 * Payara finds health checks) and sees nothing of this module but {@link IsrHealth}.
 */
final class HealthReport {

    private final IsrConfig config;
    private final Clock clock;
    private final CacheStatistics statistics;
    private final DegradationWatch degradation;

    /** {@code statistics} and {@code degradation} may be null (a container built by hand in a test). */
    HealthReport(IsrConfig config, Clock clock, CacheStatistics statistics, DegradationWatch degradation) {
        this.config = config;
        this.clock = clock;
        this.statistics = statistics;
        this.degradation = degradation;
    }

    /** {@code writes} may be null (the caches did not start): the store then counts as not writable. */
    IsrHealth.State stateOf(
            ResponseCache cache,
            StoreWrites writes,
            ClusterView cluster,
            ClusterClocks clocks,
            boolean purgesUnconfirmed) {
        DegradationWatch.Verdict verdict = degradation == null || statistics == null
                ? new DegradationWatch.Verdict(false, 0, 0)
                : degradation.observe(clock.millis(), statistics.degradationTotals());
        String degradedBy = !verdict.degraded()
                ? ""
                : verdict.staleIfErrorShare() >= verdict.failedRevalidationShare()
                        ? "stale-if-error"
                        : "failed-revalidations";
        boolean running = cache.available();
        boolean writable = running && writes != null && writes.probe();
        return new IsrHealth.State(
                running,
                writable,
                writes == null ? "" : writes.fault(),
                cluster.members(),
                config.cluster().minMembers(),
                cluster.mode().label(),
                cache.index().size(),
                clocks == null ? 0 : clocks.offsetMillis(),
                config.cluster().maxClockSkew().toMillis(),
                degradedBy,
                Math.round(verdict.staleIfErrorShare() * 100),
                Math.round(verdict.failedRevalidationShare() * 100),
                purgesUnconfirmed);
    }
}
