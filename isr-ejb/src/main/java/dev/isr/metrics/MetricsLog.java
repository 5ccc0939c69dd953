package dev.isr.metrics;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** The messages of the registration with the server's metrics system ({@code ISR0020}–{@code ISR0022}). */
final class MetricsLog {

    private static final Logger LOG = System.getLogger("dev.isr.metrics");

    private MetricsLog() {}

    static void registrationFailed(Throwable e) {
        LOG.log(
                Level.WARNING,
                "ISR0020: the metrics could not be registered with the server's metrics system; GET /isr/metrics has"
                        + " them",
                e);
    }

    static void registered(int metrics, String system) {
        LOG.log(Level.INFO, "ISR0021: {0} metrics registered with {1}", metrics, system);
    }

    static void noServerMetrics() {
        LOG.log(
                Level.INFO,
                "ISR0022: no metrics system of the server is available to this deployment (Micrometer or MicroProfile"
                        + " Metrics); the metrics are at GET /isr/metrics");
    }
}
