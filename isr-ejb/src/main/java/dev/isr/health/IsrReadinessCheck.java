package dev.isr.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness {@code isr} (contract section 8): UP when the cache runs, its store directory takes a write, and the
 * cluster has at least {@code isr.cluster.min-members} members. DOWN tells a load balancer to prefer other nodes; the
 * node itself keeps answering, uncached if need be (the module fails open).
 */
@Readiness
@ApplicationScoped
public class IsrReadinessCheck implements HealthCheck {

    @Inject
    IsrHealth health;

    @Override
    public HealthCheckResponse call() {
        IsrHealth.State state = health.state();
        boolean writable = state.running() && writable(state.storeLocation());
        boolean enoughMembers = state.members() >= state.minMembers();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("isr")
                .status(state.running() && writable && enoughMembers)
                .withData("mode", state.mode())
                .withData("members", state.members())
                .withData("entries", state.entries())
                .withData("running", state.running())
                .withData("storeWritable", writable);
        if (!enoughMembers) {
            response.withData("minMembers", state.minMembers());
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
