package dev.isr.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * This node's counters since start: what {@code GET /isr/stats} reports. Thread-safe and cheap to update from every
 * request (striped {@link LongAdder}s).
 */
public final class CacheStatistics {

    static final int MAX_REASONS = 64;
    static final String OTHER = "other";
    private static final Pattern REASON = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final LongAdder hits = new LongAdder();
    private final LongAdder staleHits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder collapsed = new LongAdder();
    private final LongAdder bypasses = new LongAdder();
    private final LongAdder stores = new LongAdder();
    private final LongAdder revalidationsOk = new LongAdder();
    private final LongAdder revalidationsFailed = new LongAdder();
    private final LongAdder purges = new LongAdder();
    private final LongAdder purgeCalls = new LongAdder();
    private final LongAdder staleIfError = new LongAdder();
    private final Map<String, LongAdder> bypassesByReason = new ConcurrentHashMap<>();
    private final LatencyHistogram hitLatency = new LatencyHistogram();
    private final LatencyHistogram renderLatency = new LatencyHistogram();
    private final LatencyHistogram purgeLatency = new LatencyHistogram();
    private final LongAdder passes = new LongAdder();
    private final LongAdder beforeServlet = new LongAdder();

    /** A consistent-enough copy of the counters, for reporting. */
    public record Snapshot(
            long hits,
            long staleHits,
            long misses,
            long collapsed,
            long bypasses,
            long stores,
            long revalidationsOk,
            long revalidationsFailed,
            long purges,
            long passes,
            long beforeServlet) {}

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

    /**
     * Counts a bypass, and it under {@code reason} (a {@code Cache-Status} detail token). The reasons are the module's
     * own tokens, but a bound keeps a label set from growing without end all the same: past
     * {@value #MAX_REASONS} distinct reasons, or for one that is not a token, {@value #OTHER}.
     */
    public void bypass(String reason) {
        bypasses.increment();
        String label = reason != null
                        && REASON.matcher(reason).matches()
                        && (bypassesByReason.containsKey(reason) || bypassesByReason.size() < MAX_REASONS)
                ? reason
                : OTHER;
        bypassesByReason.computeIfAbsent(label, k -> new LongAdder()).increment();
    }

    /** Counts an answer with a stale entry because the render failed (stale-if-error); counted as a stale hit too. */
    public void staleIfError() {
        staleIfError.increment();
    }

    /**
     * The counters readiness judges degradation by ({@link DegradationWatch}). A stale-if-error answer follows a
     * render that failed, counted as a miss, and is counted as a stale hit too: it is one answer, not two.
     */
    public DegradationWatch.Totals degradationTotals() {
        long revalidationsFailed = this.revalidationsFailed.sum();
        long staleIfErrors = staleIfError.sum();
        return new DegradationWatch.Totals(
                hits.sum() + staleHits.sum() + misses.sum() + collapsed.sum() + bypasses.sum() - staleIfErrors,
                staleIfErrors,
                revalidationsOk.sum() + revalidationsFailed,
                revalidationsFailed);
    }

    /** Records the time one hit took to answer, from lookup to written. */
    public void hitTook(long nanos) {
        hitLatency.record(nanos);
    }

    /** Records the time one request took through the application (a miss, a bypass, a revalidation). */
    public void renderTook(long nanos) {
        renderLatency.record(nanos);
    }

    /** Counts a purge call, and the time until every member held its records (its propagation). */
    public void purgeCall(long nanos) {
        purgeCalls.increment();
        purgeLatency.record(nanos);
    }

    /** Bypasses by reason, a copy. */
    public Map<String, Long> bypassesByReason() {
        Map<String, Long> copy = new TreeMap<>();
        bypassesByReason.forEach((reason, count) -> copy.put(reason, count.sum()));
        return copy;
    }

    public long purgeCalls() {
        return purgeCalls.sum();
    }

    public LatencyHistogram.Snapshot hitLatency() {
        return hitLatency.snapshot();
    }

    public LatencyHistogram.Snapshot renderLatency() {
        return renderLatency.snapshot();
    }

    public LatencyHistogram.Snapshot purgeLatency() {
        return purgeLatency.snapshot();
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
        return new Snapshot(
                hits.sum(),
                staleHits.sum(),
                misses.sum(),
                collapsed.sum(),
                bypasses.sum(),
                stores.sum(),
                revalidationsOk.sum(),
                revalidationsFailed.sum(),
                purges.sum(),
                passes.sum(),
                beforeServlet.sum());
    }
}
