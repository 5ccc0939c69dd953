package dev.isr.purge;

import dev.isr.api.IsrCache;
import dev.isr.api.IsrPurge;
import dev.isr.core.CacheStatistics;
import dev.isr.core.ClusterView;
import dev.isr.core.PurgeRequest;
import dev.isr.core.RecentEvents;
import dev.isr.core.ResponseCache;
import dev.isr.revalidation.EagerRevalidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * Every purge and eager revalidation goes through here, whatever asked for it (the admin API, a webhook, an
 * {@link IsrPurge} event, application code through {@link IsrCache}), so that each is validated, counted and written to
 * the server log the same way: what, how many, by which route.
 */
@ApplicationScoped
public class CachePurger implements IsrCache {

    @Inject
    ResponseCache cache;

    @Inject
    CacheStatistics statistics;

    @Inject
    EagerRevalidation revalidation;

    @Inject
    Clock clock;

    @Inject
    ClusterView cluster;

    @Inject
    RecentEvents events;

    /** Purges what {@code request} selects; {@code route} names the caller in the log (admin API, webhook, ...). */
    public int purge(PurgeRequest request, String route) {
        long start = System.nanoTime();
        int purged = cache.purge(request, clock.instant());
        // cache.purge returns once every member holds the purge records: its duration is the purge's propagation
        statistics.purgeCall(System.nanoTime() - start);
        statistics.purged(purged);
        PurgeLog.purged(route, request.describe(), purged);
        events.purged(clock.instant(), request, route, purged, cluster.members());
        return purged;
    }

    /** Schedules the eager revalidation of what {@code request} selects (its paths and tags). */
    public int revalidate(PurgeRequest request, String route) {
        int scheduled = revalidation.schedule(cache.select(request));
        PurgeLog.revalidationScheduled(route, request.describe(), scheduled);
        return scheduled;
    }

    /** Purges after the surrounding transaction commits, or at once without one (CDI transactional observer). */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) IsrPurge event) {
        if (event.tags().isEmpty() && event.paths().isEmpty()) {
            return;
        }
        try {
            purge(PurgeRequest.of(event.tags(), event.paths()), "IsrPurge event");
        } catch (IllegalArgumentException e) {
            // after the commit nobody can be told: the application fired an invalid purge
            PurgeLog.purgeEventIgnored(e.getMessage());
        }
    }

    @Override
    public int purgeTags(Collection<String> tags) {
        return purge(PurgeRequest.ofTags(List.copyOf(tags)), "IsrCache");
    }

    @Override
    public int purgePaths(Collection<String> paths) {
        return purge(PurgeRequest.ofPaths(List.copyOf(paths)), "IsrCache");
    }

    @Override
    public int revalidate(Collection<String> paths, Collection<String> tags) {
        return revalidate(PurgeRequest.of(List.copyOf(tags), List.copyOf(paths)), "IsrCache");
    }
}
