package dev.isr.health;

import dev.isr.core.CacheStatistics;
import dev.isr.core.DegradationWatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness {@code isr} (contract section 8): UP when the cache runs, its store directory takes a write, and the
 * cluster has at least {@code isr.cluster.min-members} members, and this node's clock is within
 * {@code isr.cluster.max-clock-skew} of the cluster's, and not degraded: no more than {@code isr.health.degraded-share}
 * of the answers of the last {@code isr.health.degraded-window} stale because the origin failed, nor of its
 * revalidations failed ({@link DegradationWatch}). DOWN tells a load balancer to prefer other nodes; the
 * node itself keeps answering, uncached if need be (the module fails open).
 */
@Readiness
@ApplicationScoped
public class IsrReadinessCheck implements HealthCheck {

    @Inject
    IsrHealth health;

    @Inject
    CacheStatistics statistics;

    @Inject
    DegradationWatch degradation;

    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        IsrHealth.State state = health.state();
        boolean writable = state.running() && writable(state.storeLocation());
        boolean enoughMembers = state.members() >= state.minMembers();
        DegradationWatch.Verdict verdict = degradation.observe(clock.millis(), statistics.degradationTotals());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("isr")
                .status(state.running() && writable && enoughMembers && !state.clockSkewed() && !verdict.degraded())
                .withData("mode", state.mode())
                .withData("members", state.members())
                .withData("entries", state.entries())
                .withData("running", state.running())
                .withData("storeWritable", writable)
                .withData("clockOffsetMs", state.clockOffsetMillis());
        if (!enoughMembers) {
            response.withData("minMembers", state.minMembers());
        }
        if (verdict.degraded()) {
            // the origin behind this node is failing: pages are served, stale; say which share passed the bound
            response.withData("degraded", verdict.staleIfErrorShare() > verdict.failedRevalidationShare()
                    ? "stale-if-error" : "failed-revalidations")
                    .withData("staleIfErrorShare", Math.round(verdict.staleIfErrorShare() * 100) + "%")
                    .withData("failedRevalidationShare", Math.round(verdict.failedRevalidationShare() * 100) + "%");
        }
        if (state.clockSkewed()) {
            response.withData("maxClockSkewMs", state.maxClockSkewMillis());
        }
        return response.build();
    }

    /** Creates and deletes a file: the only honest test of a directory's writability (root ignores permissions). */
    private static boolean writable(Path location) {
        if (location == null) {
            return false;
        }
        try {
            Path probe = Files.createTempFile(location, ".isr-health", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
