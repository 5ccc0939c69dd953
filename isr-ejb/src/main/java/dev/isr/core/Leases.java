package dev.isr.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Cluster-wide leases: at most one node holds the lease of a key at a time, and a lease ends by itself after its
 * lifespan, so that the leases of a node that died expire and another node can take over. Used to collapse renders
 * and revalidations of one key to one in the whole cluster. Implementations are thread-safe and never throw: a lease
 * store that fails answers as if the lease were free (fail open: at worst a second render).
 */
public interface Leases {

    /** Takes the lease of {@code key} for at most {@code lifespan}; false if another holder has it. */
    boolean tryAcquire(String key, Duration lifespan);

    /** Whether anyone holds the lease of {@code key} now. */
    boolean isHeld(String key);

    /** Ends this node's lease of {@code key}. */
    void release(String key);

    /** Keeps {@code key} leased for {@code lifespan} whoever holds it: a cluster-wide back-off. */
    void hold(String key, Duration lifespan);

    /**
     * Completes when the lease of {@code key} is released (at once if it is free). Waiters should bound their wait by
     * the lease's lifespan: an expired lease may be noticed late.
     */
    CompletableFuture<Void> whenReleased(String key);
}
