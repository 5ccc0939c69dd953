/**
 * Registers the counters of {@link dev.isr.core.MetricCatalog} with the server's metrics system (Micrometer on
 * WildFly, MicroProfile Metrics on Payara) when the deployment can see one; {@code GET /isr/metrics} has them
 * anyway.
 *
 * <p><b>Internal.</b> Not part of the public API ({@code dev.isr.api}, and the header fields, configuration keys and
 * admin endpoints of docs/contract.md): it may change in any release.
 */
package dev.isr.metrics;
