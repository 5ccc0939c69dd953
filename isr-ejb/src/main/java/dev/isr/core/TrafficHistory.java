package dev.isr.core;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The last hour of traffic as one node saw the cluster: at every tick it records the latest {@link TrafficSample} of
 * each member (its own and those the others published), and shows the counts per interval for each node and their
 * sum for the cluster. Bounded: {@code points} ticks, whatever the traffic or the number of nodes that came and went.
 * It starts empty with the node: the history a node shows begins when it started. Thread-safe.
 */
public final class TrafficHistory {

    /** How often a node records a tick and publishes its sample. */
    public static final Duration INTERVAL = Duration.ofSeconds(10);

    /** The intervals kept: an hour of them. */
    public static final int POINTS = 360;

    /** The series of every node in the cluster's sum. */
    public static final String CLUSTER = "cluster";

    /** The counts per interval of one node, or of the cluster: {@code hits[i]} during the interval ending at(i). */
    public record Series(
            String node, long[] hits, long[] staleHits, long[] misses, long[] renders, long[] revalidationsFailed) {}

    /** What the console's chart shows: the intervals' ends (epoch millis, oldest first) and a series per node. */
    public record View(long intervalSeconds, List<Long> at, List<Series> series) {}

    private record Tick(long atMillis, Map<String, TrafficSample> samples) {}

    private final Duration interval;
    private final int points;
    private final Deque<Tick> ticks = new ArrayDeque<>();

    /**
     * @param interval how often {@link #record} is called
     * @param points how many intervals are shown, the oldest dropped first
     */
    public TrafficHistory(Duration interval, int points) {
        Require.argument(!interval.isNegative() && !interval.isZero(), "interval must be positive: %s", interval);
        Require.argument(points >= 1, "points must be at least 1: %s", points);
        this.interval = interval;
        this.points = points;
    }

    /** Records a tick at {@code atMillis} with the latest sample of every member. */
    public synchronized void record(long atMillis, Collection<TrafficSample> latest) {
        Map<String, TrafficSample> byNode = new LinkedHashMap<>();
        latest.forEach(sample -> byNode.put(sample.node(), sample));
        ticks.addLast(new Tick(atMillis, Map.copyOf(byNode)));
        while (ticks.size() > points + 1) {
            ticks.removeFirst(); // one more tick than points: the first is the base of the first interval
        }
    }

    /** The counts per interval, the cluster's first, then each node's by name. */
    public synchronized View view() {
        List<Tick> recorded = List.copyOf(ticks);
        int intervals = Math.max(0, recorded.size() - 1);
        TreeSet<String> nodes = new TreeSet<>();
        recorded.forEach(tick -> nodes.addAll(tick.samples().keySet()));
        List<Long> at = new ArrayList<>(intervals);
        long[][] cluster = new long[5][intervals];
        List<Series> series = new ArrayList<>();
        for (String node : nodes) {
            long[][] counts = new long[5][intervals];
            for (int i = 0; i < intervals; i++) {
                TrafficSample now = recorded.get(i + 1).samples().get(node);
                long[] delta = now == null
                        ? new long[5]
                        : now.since(recorded.get(i).samples().get(node));
                for (int c = 0; c < 5; c++) {
                    counts[c][i] = delta[c];
                    cluster[c][i] += delta[c];
                }
            }
            series.add(series(node, counts));
        }
        for (int i = 0; i < intervals; i++) {
            at.add(recorded.get(i + 1).atMillis());
        }
        series.add(0, series(CLUSTER, cluster));
        return new View(interval.toSeconds(), List.copyOf(at), List.copyOf(series));
    }

    private static Series series(String node, long[][] counts) {
        return new Series(node, counts[0], counts[1], counts[2], counts[3], counts[4]);
    }
}
