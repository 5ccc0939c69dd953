package dev.isr.demo;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The demo's stand-in for a slow remote system (a database, a CMS): the calling thread waits, as it would on a
 * blocking JDBC or HTTP call, for an answer that the container's managed scheduler gives after the delay.
 *
 * <p>Blocking on purpose: the module's collapsing of concurrent misses keeps waiting requests on their threads, and a
 * synchronous render is what most applications it serves do.
 */
@ApplicationScoped
public class SlowResponses {

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Returns after {@code millis}; 0 or less returns at once. */
    void await(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            scheduler.schedule(() -> null, millis, TimeUnit.MILLISECONDS).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the slow source", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the slow source's timer failed", e.getCause());
        }
    }
}
