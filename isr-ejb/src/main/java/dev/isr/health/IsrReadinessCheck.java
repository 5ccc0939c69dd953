package dev.isr.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness {@code isr} (contract section 8): UP when the cache runs, its store directory takes a synced write (a
 * full or read-only disk makes it DOWN, with {@code storeFault} saying why; the cache goes on in memory), and the
 * cluster has at least {@code isr.cluster.min-members} members, and this node's clock is within
 * {@code isr.cluster.max-clock-skew} of the cluster's, and not degraded: no more than {@code isr.health.degraded-share}
 * of the answers of the last {@code isr.health.degraded-window} stale because the origin failed, nor of its
 * revalidations failed (judged by the cache container, {@code DegradationWatch}: this package is in the EAR's
 * library, where Payara finds health checks, and sees nothing of the EJB module but {@link IsrHealth}). DOWN tells a
 * load balancer to prefer other nodes; the node itself keeps answering, uncached if need be (the module fails open).
 */
@Readiness
@ApplicationScoped
public class IsrReadinessCheck implements HealthCheck {

    @Inject
    IsrHealth health;

    @Override
    public HealthCheckResponse call() {
        IsrHealth.State state = health.state();
        boolean writable = state.running() && state.storeWritable();
        boolean enoughMembers = state.members() >= state.minMembers();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("isr")
                .status(state.running()
                        && writable
                        && enoughMembers
                        && !state.clockSkewed()
                        && state.degradedBy().isEmpty())
                .withData("mode", state.mode())
                .withData("members", state.members())
                .withData("entries", state.entries())
                .withData("running", state.running())
                .withData("storeWritable", writable)
                .withData("clockOffsetMs", state.clockOffsetMillis());
        if (!state.storeFault().isEmpty()) {
            // pages are still cached, durable ones in memory only: say why they would not survive a restart
            response.withData("storeFault", state.storeFault());
        }
        if (!enoughMembers) {
            response.withData("minMembers", state.minMembers());
        }
        if (!state.degradedBy().isEmpty()) {
            // the origin behind this node is failing: pages are served, stale; say which share passed the bound
            response.withData("degraded", state.degradedBy())
                    .withData("staleIfErrorShare", state.staleIfErrorPercent() + "%")
                    .withData("failedRevalidationShare", state.failedRevalidationPercent() + "%");
        }
        if (state.purgesUnconfirmed()) {
            // still ready: entries are rendered before they are served, which is safe; say why pages are slower
            response.withData(
                    "purgeRecords",
                    "unconfirmed (came back alone, or partitions merged): entries rendered before served");
        }
        if (state.clockSkewed()) {
            response.withData("maxClockSkewMs", state.maxClockSkewMillis());
        }
        return response.build();
    }
}
