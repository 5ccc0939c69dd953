package dev.isr.it;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The traffic of the soak (issue 15, part 7): both nodes, in one bounded run, see hits on pages that go stale every
 * two seconds (so stale hits and background revalidations), misses over a bounded set of keyed queries (so renders and
 * stores that replace each other), and purges by tag on either node. Bounded sets keep what the cache may hold fixed
 * after the warm-up: what grows after it is a leak, not content.
 */
final class ClusterSoak {

    static final int HOT_PAGES = 24;
    static final int MISS_KEYS = 400;

    private static final String HOT = "soak-hot-";
    private static final String MISS = "soak-miss";

    private ClusterSoak() {}

    /** Scripts the pages on both nodes (each node keeps its own lab scripts). */
    static void script() throws Exception {
        for (int i = 0; i < HOT_PAGES; i++) {
            String script = Http.headers(
                    "CDN-Cache-Control", "s-maxage=2, stale-while-revalidate=60", "Cache-Tag", "soak, " + HOT + i);
            Node.ONE.lab(HOT + i, script);
            Node.TWO.lab(HOT + i, script);
        }
        String miss = Http.headers("CDN-Cache-Control", "s-maxage=5", "Cache-Tag", "soak, " + MISS);
        Node.ONE.lab(MISS, miss);
        Node.TWO.lab(MISS, miss);
    }

    /** Request {@code n} of the mix: 1 in 20 a purge, 3 in 10 a miss key, the rest hot pages; nodes alternate. */
    static HttpResponse<String> request(int n) throws Exception {
        Node node = n % 2 == 0 ? Node.ONE : Node.TWO;
        int kind = n % 20;
        if (kind == 0) {
            String tag = (n / 20) % 4 == 0 ? "soak-miss" : HOT + (n / 20) % HOT_PAGES;
            return node.admin("/isr/purge", "{\"tags\":[\"" + tag + "\"]}");
        }
        if (kind < 7) {
            return node.get("/demo/lab/" + MISS + "?k=" + (n * 7919 % MISS_KEYS));
        }
        return node.get("/demo/lab/" + HOT + n % HOT_PAGES);
    }

    /** Runs the mix on 4 clients for {@code time}, at most {@code requests} requests. */
    static LoadRun.Result run(Duration time, int requests) throws InterruptedException {
        LoadRun load = LoadRun.start(4, requests, time, ClusterSoak::request);
        Thread.sleep(time.toMillis());
        return load.stop();
    }

    /** What each node is doing and holding, and what it did so far, read from its metrics. */
    record State(
            long entries,
            long rendersInFlight,
            long revalidationsInFlight,
            long backingOff,
            long passKeys,
            long purgedEntries,
            long revalidationsOk,
            long heapAfterGc) {

        static State of(Node node) throws Exception {
            String metrics = node.metrics();
            return new State(
                    value(metrics, "isr_entries"),
                    value(metrics, "isr_renders_in_flight"),
                    value(metrics, "isr_revalidations_in_flight"),
                    value(metrics, "isr_revalidation_backoff_keys"),
                    value(metrics, "isr_pass_keys"),
                    value(metrics, "isr_purged_entries_total"),
                    value(metrics, "isr_revalidations_total{result=\"ok\"}"),
                    node.heapUsedAfterGc().orElse(-1));
        }

        boolean idle() {
            return rendersInFlight == 0 && revalidationsInFlight == 0;
        }

        private static long value(String prometheusText, String sample) {
            List<String> lines = prometheusText
                    .lines()
                    .filter(line -> line.startsWith(sample + " "))
                    .toList();
            if (lines.size() != 1) {
                throw new IllegalStateException(sample + " not in the metrics: " + prometheusText);
            }
            return (long) Double.parseDouble(
                    lines.get(0).substring(sample.length() + 1).trim());
        }
    }
}
