package dev.isr.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness {@code isr}: UP as long as the module answers requests, which it does even without its cache (it fails
 * open). A cache that could not start is a readiness matter: restarting the server would not fix an unwritable disk.
 */
@Liveness
@ApplicationScoped
public class IsrLivenessCheck implements HealthCheck {

    @Inject
    IsrHealth health;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("isr")
                .up()
                .withData("cacheRunning", health.state().running())
                .build();
    }
}
