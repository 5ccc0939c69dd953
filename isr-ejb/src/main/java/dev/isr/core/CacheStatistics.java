package dev.isr.core;

import java.util.concurrent.atomic.LongAdder;

/**
 * This node's counters since start: what {@code GET /isr/stats} reports. Thread-safe and cheap to update from every
 * request (striped {@link LongAdder}s).
 */
public final class CacheStatistics {

    private final LongAdder hits = new LongAdder();
    private final LongAdder staleHits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder collapsed = new LongAdder();
    private final LongAdder bypasses = new LongAdder();
    private final LongAdder stores = new LongAdder();
    private final LongAdder revalidationsOk = new LongAdder();
    private final LongAdder revalidationsFailed = new LongAdder();
    private final LongAdder purges = new LongAdder();
    private final LongAdder passes = new LongAdder();
    private final LongAdder beforeServlet = new LongAdder();

    /** A consistent-enough copy of the counters, for reporting. */
    public record Snapshot(long hits, long staleHits, long misses, long collapsed, long bypasses, long stores,
            long revalidationsOk, long revalidationsFailed, long purges, long passes, long beforeServlet) {
    }

    public void hit() {
        hits.increment();
    }

    public void staleHit() {
        staleHits.increment();
    }

    public void miss() {
        misses.increment();
    }

    public void collapsed() {
        collapsed.increment();
    }

    public void bypass() {
        bypasses.increment();
    }

    public void stored() {
        stores.increment();
    }

    public void revalidationSucceeded() {
        revalidationsOk.increment();
    }

    public void revalidationFailed() {
        revalidationsFailed.increment();
    }

    /** Counts a request rendered without collapsing because its key was recently not storable (hit-for-pass). */
    public void pass() {
        passes.increment();
    }

    /**
     * Counts an answer from the cache given before servlet dispatch (the Undertow fast lane on WildFly); it is
     * counted as a hit or stale hit too.
     */
    public void answeredBeforeServlet() {
        beforeServlet.increment();
    }

    /** Counts entries purged (removed or marked stale). */
    public void purged(int entries) {
        purges.add(entries);
    }

    public Snapshot snapshot() {
        return new Snapshot(hits.sum(), staleHits.sum(), misses.sum(), collapsed.sum(), bypasses.sum(), stores.sum(),
                revalidationsOk.sum(), revalidationsFailed.sum(), purges.sum(), passes.sum(), beforeServlet.sum());
    }
}
