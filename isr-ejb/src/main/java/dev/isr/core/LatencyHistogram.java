package dev.isr.core;

import java.util.concurrent.atomic.LongAdder;

/**
 * A latency histogram with fixed buckets, as Prometheus exposes them: cheap to record from every request (one
 * {@link LongAdder} per bucket, found by a short linear scan), cumulative when read. The buckets run from half a
 * millisecond (a hit) to ten seconds (a slow render or a purge waiting for an unreachable member).
 */
public final class LatencyHistogram {

    /** The upper bounds of the buckets, in seconds; a last bucket, {@code +Inf}, holds the rest. */
    private static final double[] BOUNDS_SECONDS = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
    };

    private static final long[] BOUNDS_NANOS = new long[BOUNDS_SECONDS.length];

    static {
        for (int i = 0; i < BOUNDS_SECONDS.length; i++) {
            BOUNDS_NANOS[i] = Math.round(BOUNDS_SECONDS[i] * 1e9);
        }
    }

    private final LongAdder[] counts = new LongAdder[BOUNDS_SECONDS.length + 1];
    private final LongAdder sumNanos = new LongAdder();

    /**
     * A copy for reporting.
     *
     * @param boundsSeconds the upper bound of each bucket but the last ({@code +Inf})
     * @param cumulative how many observations were at most each bound, then the total
     * @param sumSeconds the sum of all observations
     */
    public record Snapshot(double[] boundsSeconds, long[] cumulative, double sumSeconds) {

        public long count() {
            return cumulative[cumulative.length - 1];
        }
    }

    public LatencyHistogram() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** Records one observation of {@code nanos} (negative ones, from a clock that stepped, count as 0). */
    public void record(long nanos) {
        long value = Math.max(0, nanos);
        int bucket = 0;
        while (bucket < BOUNDS_NANOS.length && value > BOUNDS_NANOS[bucket]) {
            bucket++;
        }
        counts[bucket].increment();
        sumNanos.add(value);
    }

    public Snapshot snapshot() {
        long[] cumulative = new long[counts.length];
        long running = 0;
        for (int i = 0; i < counts.length; i++) {
            running += counts[i].sum();
            cumulative[i] = running;
        }
        return new Snapshot(BOUNDS_SECONDS.clone(), cumulative, sumNanos.sum() / 1e9);
    }
}
