package dev.isr.metrics;

import dev.isr.core.MetricCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;

/**
 * Registers the module's metrics ({@link MetricCatalog}) with the server's own metrics system, where there is one:
 * Micrometer on WildFly (its {@code micrometer} subsystem, which exports them, e.g. in Prometheus format on the
 * management interface), MicroProfile Metrics on Payara ({@code /metrics}). Neither API is required: each is looked
 * for on the deployment's class path, and the classes that use it are loaded only when it is there. Without either,
 * {@code GET /isr/metrics} remains, and one line says so.
 *
 * <p>The meters are removed when the deployment stops, so that a redeployment registers its own and the server keeps
 * no reference to the old one.
 */
@Singleton
@Startup
@DependsOn("IsrCacheContainer")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ServerMetrics {

    private static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";
    private static final String MICROPROFILE = "org.eclipse.microprofile.metrics.MetricRegistry";

    /** Meters registered with one metrics system, removed by {@link #close()}. */
    interface Registration extends AutoCloseable {

        String system();

        int size();

        @Override
        void close();
    }

    @Inject
    MetricCatalog catalog;

    private Registration registration;

    @PostConstruct
    void register() {
        try {
            registration = available(MICROMETER) ? micrometer() : available(MICROPROFILE) ? microProfile() : null;
        } catch (RuntimeException | LinkageError e) {
            MetricsLog.registrationFailed(e);
            registration = null;
        }
        if (registration != null) {
            MetricsLog.registered(registration.size(), registration.system());
        } else {
            MetricsLog.noServerMetrics();
        }
    }

    private Registration micrometer() {
        var registries = CDI.current().select(io.micrometer.core.instrument.MeterRegistry.class);
        return registries.isResolvable() ? new MicrometerMeters(registries.get(), catalog) : null;
    }

    private Registration microProfile() {
        var registries = CDI.current().select(MicroProfileRegistry.class);
        return registries.isResolvable()
                ? new MicroProfileGauges(registries.get().registry(), catalog)
                : null;
    }

    private static boolean available(String className) {
        try {
            Class.forName(className, false, ServerMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @PreDestroy
    void unregister() {
        if (registration != null) {
            registration.close();
            registration = null;
        }
    }
}
