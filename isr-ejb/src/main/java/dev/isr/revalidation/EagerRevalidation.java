package dev.isr.revalidation;

import dev.isr.core.CachedResponse;
import dev.isr.core.IsrConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Renders many entries again on request (the admin API's revalidate, {@code IsrCache.revalidate}), in the order given
 * (most read first), with at most {@code isr.revalidation.max-concurrency} revalidations running at once. No thread
 * waits: each finished revalidation starts the next one. The old entries are served until the new ones are stored.
 */
@ApplicationScoped
public class EagerRevalidation {

    @Inject
    HttpRevalidator revalidator;

    @Inject
    IsrConfig config;

    @Resource
    ManagedExecutorService executor;

    /** Starts revalidating {@code entries} and returns at once with how many were scheduled. */
    public int schedule(List<CachedResponse> entries) {
        Queue<CachedResponse> queue = new ConcurrentLinkedQueue<>(entries);
        int lanes = Math.min(config.revalidationMaxConcurrency(), entries.size());
        for (int i = 0; i < lanes; i++) {
            next(queue);
        }
        return entries.size();
    }

    private void next(Queue<CachedResponse> queue) {
        CachedResponse entry = queue.poll();
        if (entry != null) {
            revalidator.revalidateEagerly(entry).whenCompleteAsync((done, failure) -> next(queue), executor);
        }
    }
}
