package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's traffic history: counts per interval per node, their sum, bounded, and hostile values refused. */
class TrafficHistoryTest {

    private static TrafficSample sample(String node, long at, long hits, long misses) {
        return new TrafficSample(node, at, hits, 0, misses, misses, 0);
    }

    @Test
    void countsPerIntervalForEachNodeAndTheirSum() {
        TrafficHistory history = new TrafficHistory(Duration.ofSeconds(10), 360);
        history.record(0, List.of(sample("b", 0, 100, 10), sample("a", 0, 5, 1)));
        history.record(10_000, List.of(sample("a", 10_000, 8, 1), sample("b", 10_000, 130, 12)));
        history.record(20_000, List.of(sample("a", 20_000, 8, 4))); // b left

        TrafficHistory.View view = history.view();

        assertEquals(10, view.intervalSeconds());
        assertEquals(List.of(10_000L, 20_000L), view.at());
        assertEquals(
                List.of(TrafficHistory.CLUSTER, "a", "b"),
                view.series().stream().map(TrafficHistory.Series::node).toList(),
                "the cluster first, then the nodes by name");
        assertArrayEquals(new long[] {33, 0}, view.series().get(0).hits());
        assertArrayEquals(new long[] {3, 0}, view.series().get(1).hits());
        assertArrayEquals(new long[] {30, 0}, view.series().get(2).hits(), "a node gone counts nothing");
        assertArrayEquals(new long[] {2, 3}, view.series().get(0).misses());
    }

    @Test
    void aNodeThatRestartedCountsFromZero() {
        TrafficHistory history = new TrafficHistory(Duration.ofSeconds(10), 360);
        history.record(0, List.of(sample("a", 0, 500, 0)));
        history.record(10_000, List.of(sample("a", 10_000, 7, 0)));

        assertArrayEquals(new long[] {7}, history.view().series().get(1).hits(), "never negative");
    }

    @Test
    void keepsOnlyTheLastPoints() {
        TrafficHistory history = new TrafficHistory(Duration.ofSeconds(10), 3);
        for (int i = 0; i < 100; i++) {
            history.record(i * 10_000L, List.of(sample("a", i * 10_000L, i, 0)));
        }

        TrafficHistory.View view = history.view();

        assertEquals(List.of(970_000L, 980_000L, 990_000L), view.at());
        assertArrayEquals(new long[] {1, 1, 1}, view.series().get(0).hits());
    }

    @Test
    void emptyUntilTwoTicks() {
        TrafficHistory history = new TrafficHistory(Duration.ofSeconds(10), 360);
        assertEquals(List.of(), history.view().at());
        history.record(0, List.of(sample("a", 0, 1, 1)));
        assertEquals(List.of(), history.view().at());
        assertEquals(0, history.view().series().get(0).hits().length);
    }

    @Test
    void aSampleSurvivesItsEncoding() {
        TrafficSample sample = new TrafficSample("node-a", 1_733_000_000_000L, 1, 2, 3, 4, 5);
        assertEquals(sample, TrafficSample.decode("node-a", sample.encode()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1 2 3 4 5",
                "1 2 3 4 5 6 7",
                "1 2 3 -4 5 6",
                "1 2 x 4 5 6",
                "1  2 3 4 5 6",
                "99999999999999999999 2 3 4 5 6",
                "1 2 3 4 5 6 "
            })
    void aValueThatIsNotASampleIsSkipped(String value) {
        assertNull(TrafficSample.decode("node-a", value));
    }

    @Test
    void aHugeValueIsSkippedUnread() {
        assertNull(TrafficSample.decode("node-a", "1 ".repeat(100_000)));
        assertNull(TrafficSample.decode("node-a", null));
    }
}
