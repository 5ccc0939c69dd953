package dev.isr.core;

import org.jspecify.annotations.Nullable;

/**
 * One node's traffic counters at one moment, cumulative since the node started: what each node publishes to the others
 * for the console's history ({@link TrafficHistory}). Encoded as six decimal numbers, so that a node reading a value
 * another version or a hostile writer put there gets null, never an exception.
 */
public record TrafficSample(
        String node, long atMillis, long hits, long staleHits, long misses, long renders, long revalidationsFailed) {

    private static final int FIELDS = 6;

    public TrafficSample {
        Require.nonNull(node, "node");
    }

    /** {@code node}'s counters in {@code statistics} at {@code atMillis}. */
    public static TrafficSample of(String node, long atMillis, CacheStatistics statistics) {
        CacheStatistics.Snapshot counters = statistics.snapshot();
        return new TrafficSample(
                node,
                atMillis,
                counters.hits(),
                counters.staleHits(),
                counters.misses(),
                statistics.renderLatency().count(),
                counters.revalidationsFailed());
    }

    /** The value published for this sample: {@code atMillis hits staleHits misses renders revalidationsFailed}. */
    public String encode() {
        return atMillis + " " + hits + " " + staleHits + " " + misses + " " + renders + " " + revalidationsFailed;
    }

    /** The sample {@code node} published as {@code value}, or null if {@code value} is not one ({@link #encode}). */
    public static @Nullable TrafficSample decode(String node, @Nullable String value) {
        if (value == null || value.length() > FIELDS * 20 + FIELDS) {
            return null;
        }
        String[] parts = value.split(" ", -1);
        if (parts.length != FIELDS) {
            return null;
        }
        long[] numbers = new long[FIELDS];
        for (int i = 0; i < FIELDS; i++) {
            try {
                numbers[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                return null;
            }
            if (numbers[i] < 0) {
                return null;
            }
        }
        return new TrafficSample(node, numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]);
    }

    /**
     * What happened between {@code earlier} and this sample; a counter lower than before (the node restarted) counts
     * from zero.
     */
    long[] since(@Nullable TrafficSample earlier) {
        long[] now = {hits, staleHits, misses, renders, revalidationsFailed};
        if (earlier == null) {
            return new long[now.length];
        }
        long[] before = {earlier.hits, earlier.staleHits, earlier.misses, earlier.renders, earlier.revalidationsFailed};
        long[] delta = new long[now.length];
        for (int i = 0; i < now.length; i++) {
            delta[i] = now[i] >= before[i] ? now[i] - before[i] : now[i];
        }
        return delta;
    }
}
