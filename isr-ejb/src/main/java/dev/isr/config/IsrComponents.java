package dev.isr.config;

import dev.isr.core.CacheKeyFactory;
import dev.isr.core.CacheStatistics;
import dev.isr.core.CacheStatus;
import dev.isr.core.CaptureBudget;
import dev.isr.core.CaptureRules;
import dev.isr.core.ClusterView;
import dev.isr.core.DegradationWatch;
import dev.isr.core.IsrConfig;
import dev.isr.core.Leases;
import dev.isr.core.MetricCatalog;
import dev.isr.core.PassMemory;
import dev.isr.core.RecentEvents;
import dev.isr.core.RenderCollapser;
import dev.isr.core.ResponseCache;
import dev.isr.core.ResponseStorability;
import dev.isr.core.RevalidationGate;
import dev.isr.core.StoreRefusals;
import dev.isr.core.TrafficHistory;
import dev.isr.store.IsrCacheContainer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Builds the core's objects once per deployment from the configuration, so that the front door, the capture filter
 * and the services share one instance of each (one set of counters, one collapser, one revalidation gate).
 */
@ApplicationScoped
public class IsrComponents {

    @Produces
    @Singleton
    ResponseCache responseCache(IsrCacheContainer container) {
        return container.responseCache();
    }

    @Produces
    @Singleton
    Leases leases(IsrCacheContainer container) {
        return container.leases();
    }

    @Produces
    @Singleton
    ClusterView clusterView(IsrCacheContainer container) {
        return container.clusterView();
    }

    @Produces
    @Singleton
    CacheKeyFactory cacheKeyFactory(IsrConfig config) {
        return new CacheKeyFactory(config.ignoredQueryParams());
    }

    @Produces
    @Singleton
    CacheStatus cacheStatus(IsrConfig config) {
        return new CacheStatus(config.cacheName());
    }

    @Produces
    @Singleton
    ResponseStorability responseStorability(IsrConfig config) {
        return new ResponseStorability(config.storableStatuses(), config.strictSMaxAge());
    }

    @Produces
    @Singleton
    CacheStatistics cacheStatistics() {
        return new CacheStatistics();
    }

    @Produces
    @Singleton
    RenderCollapser renderCollapser() {
        return new RenderCollapser();
    }

    @Produces
    @Singleton
    CaptureRules captureRules(ResponseStorability storability, CacheKeyFactory keys) {
        return new CaptureRules(storability, keys);
    }

    @Produces
    @Singleton
    PassMemory passMemory(IsrConfig config) {
        return new PassMemory(config.hitForPass());
    }

    @Produces
    @Singleton
    RevalidationGate revalidationGate(IsrConfig config) {
        return new RevalidationGate(config.retryAfter(), config.revalidationMaxConcurrency());
    }

    /** Every metric, read live: for {@code GET /isr/metrics} and the server's own metrics system. */
    @Produces
    @Singleton
    MetricCatalog metricCatalog(
            CacheStatistics statistics,
            ResponseCache cache,
            ClusterView cluster,
            IsrConfig config,
            RenderCollapser collapser,
            RevalidationGate gate,
            PassMemory passes) {
        return new MetricCatalog(
                statistics,
                cache,
                cluster,
                config.budgets(),
                new MetricCatalog.WorkInProgress(collapser::inFlight, gate::inFlight, gate::backingOff, passes::size));
    }

    /** Readiness' judge of degraded answers, one per deployment, so that its window spans the checks. */
    @Produces
    @Singleton
    DegradationWatch degradationWatch(IsrConfig config) {
        return new DegradationWatch(config.degradedWindow(), config.degradedShare());
    }

    /** One per deployment: the capture filter reserves from it, the admin API reports it. */
    @Produces
    @Singleton
    CaptureBudget captureBudget(IsrConfig config) {
        return new CaptureBudget(config.budgets().capture());
    }

    /** The console's bounded log of purges and failed revalidations. */
    @Produces
    @Singleton
    RecentEvents recentEvents() {
        return new RecentEvents();
    }

    /** Why recent renders were not stored, for the console's explanation of a URL. */
    @Produces
    @Singleton
    StoreRefusals storeRefusals() {
        return new StoreRefusals();
    }

    /** The console's last hour of traffic. */
    @Produces
    @Singleton
    TrafficHistory trafficHistory() {
        return new TrafficHistory(TrafficHistory.INTERVAL, TrafficHistory.POINTS);
    }
}
