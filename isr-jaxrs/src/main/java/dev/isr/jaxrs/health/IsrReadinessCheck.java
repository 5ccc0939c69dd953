package dev.isr.jaxrs.health;

import dev.isr.core.ClusterView;
import dev.isr.core.IsrConfig;
import dev.isr.core.ResponseCache;
import dev.isr.store.IsrCacheContainer;
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
 * cluster has at least {@code isr.cluster.min-members} members. DOWN says a load balancer should prefer other nodes;
 * the node itself keeps answering, uncached if need be (the module fails open).
 *
 * <p>It lives in the web module: MicroProfile Health on WildFly discovers checks in web deployments.
 */
@Readiness
@ApplicationScoped
public class IsrReadinessCheck implements HealthCheck {

    @Inject
    IsrCacheContainer container;

    @Inject
    IsrConfig config;

    @Override
    public HealthCheckResponse call() {
        ResponseCache cache = container.responseCache();
        ClusterView cluster = container.clusterView();
        int members = cluster.members();
        boolean running = cache.available();
        boolean writable = running && storeWritable(container.storeLocation());
        boolean enoughMembers = members >= config.cluster().minMembers();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("isr")
                .status(running && writable && enoughMembers)
                .withData("mode", cluster.mode().label())
                .withData("members", members)
                .withData("entries", cache.index().size())
                .withData("running", running)
                .withData("storeWritable", writable);
        if (!enoughMembers) {
            response.withData("minMembers", config.cluster().minMembers());
        }
        return response.build();
    }

    /** Creates and deletes a file: the only honest test of a directory's writability (root ignores permissions). */
    private static boolean storeWritable(Path location) {
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
