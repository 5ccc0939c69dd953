package dev.isr.metrics;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The application's MicroProfile Metrics registry, injected into a field: Payara's producer of the registry reads the
 * injection point, so it cannot be looked up programmatically. The bean exists only where MicroProfile Metrics does
 * ({@code META-INF/beans.xml} excludes it otherwise).
 */
@Dependent
public class MicroProfileRegistry {

    @Inject
    MetricRegistry registry;

    MetricRegistry registry() {
        return registry;
    }
}
