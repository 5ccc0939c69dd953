package dev.isr.core;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Tells when the node is degraded in a way the counters alone would hide: over the last {@code window}, more than
 * {@code threshold} of its answers were stale because the origin failed ({@code stale-if-error}), or of its background
 * revalidations failed. Pages are still served, so liveness is fine and hit ratios look good; readiness says the
 * origin behind this node is failing, so that a load balancer prefers other nodes and an operator is told.
 *
 * <p>Works on the node's cumulative counters, sampled when asked (by the readiness check and the sweep): the share is
 * the difference between now and the last sample at or before the window's start, so recording costs the hit path
 * nothing, and the verdict comes back by itself once the failures are older than the window. Below
 * {@value #MIN_SAMPLES} answers (or revalidations) in the window a share is not judged: two failures of three requests
 * at night are not an outage. Thread-safe.
 */
public final class DegradationWatch {

    static final int MIN_SAMPLES = 20;
    private static final long MIN_SAMPLE_SPACING_MILLIS = 1_000;

    /** The node's cumulative counters at one moment. */
    public record Totals(long answers, long staleIfError, long revalidations, long failedRevalidations) {}

    /** The shares over the window, and whether one passes the threshold. */
    public record Verdict(boolean degraded, double staleIfErrorShare, double failedRevalidationShare) {}

    private record Sample(long atMillis, Totals totals) {}

    private final long windowMillis;
    private final double threshold;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public DegradationWatch(Duration window, double threshold) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("isr.health.degraded-window must be positive: " + window);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("isr.health.degraded-share must be in (0, 1]: " + threshold);
        }
        this.windowMillis = window.toMillis();
        this.threshold = threshold;
    }

    /** Takes the counters as they are at {@code nowMillis} and judges the window that ends there. */
    public synchronized Verdict observe(long nowMillis, Totals totals) {
        Sample last = samples.peekLast();
        if (last == null || nowMillis - last.atMillis() >= MIN_SAMPLE_SPACING_MILLIS) {
            samples.addLast(new Sample(nowMillis, totals));
        }
        long windowStart = nowMillis - windowMillis;
        // keep one sample at or before the window's start, as the baseline; drop the older ones
        while (samples.size() > 1 && second().atMillis() <= windowStart) {
            samples.removeFirst();
        }
        Totals baseline = samples.peekFirst().totals();
        double staleShare =
                share(totals.staleIfError() - baseline.staleIfError(), totals.answers() - baseline.answers());
        double failedShare = share(
                totals.failedRevalidations() - baseline.failedRevalidations(),
                totals.revalidations() - baseline.revalidations());
        return new Verdict(staleShare > threshold || failedShare > threshold, staleShare, failedShare);
    }

    private Sample second() {
        Iterator<Sample> iterator = samples.iterator();
        iterator.next();
        return iterator.next();
    }

    private static double share(long part, long whole) {
        return whole < MIN_SAMPLES || part <= 0 ? 0 : Math.min(1.0, (double) part / whole);
    }
}
