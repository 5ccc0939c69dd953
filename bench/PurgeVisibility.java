import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * Purge visibility across two nodes: stores a page through node 1, checks node 2 has it, purges it through node 2,
 * and measures the time from the start of the purge call until node 1 answers a miss for it. Repeats N times and
 * prints p50, p99 and max in milliseconds.
 * Usage: java PurgeVisibility.java NODE1_BASE NODE2_BASE TOKEN N
 */
public class PurgeVisibility {
    public static void main(String[] args) throws Exception {
        URI one = URI.create(args[0]);
        URI two = URI.create(args[1]);
        String token = args[2];
        int n = Integer.parseInt(args[3]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (URI node : new URI[] {one, two}) {
            send(client, request(node.resolve("/demo/lab/visibility/script"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"headers\":{\"CDN-Cache-Control\":\"s-maxage=3600\"}}")));
        }
        long[] micros = new long[n];
        int misses = 0;
        for (int i = 0; i < n; i++) {
            String page = "/demo/lab/visibility?i=" + i;
            status(client, one, page);
            if (!status(client, two, page).startsWith("isr; hit")) {
                throw new IllegalStateException("not replicated to node 2: " + page + ": " + status(client, two, page));
            }
            long start = System.nanoTime();
            HttpResponse<String> purge = send(client, request(two.resolve("/isr/purge"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"paths\":[\"/demo/lab/visibility\"]}")));
            if (purge.statusCode() != 200) {
                throw new IllegalStateException("purge: " + purge.statusCode() + " " + purge.body());
            }
            int polls = 0;
            while (status(client, one, page).startsWith("isr; hit")) {
                polls++; // node 1 still served it after the purge call returned
            }
            micros[i] = (System.nanoTime() - start) / 1_000;
            if (polls > 0) {
                misses++;
            }
        }
        Arrays.sort(micros);
        System.out.printf("purges %d: visible on the other node after p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
                + " served stale after the call returned: %d times%n", n, micros[n / 2] / 1000.0,
                micros[(int) Math.ceil(n * 0.99) - 1] / 1000.0, micros[n - 1] / 1000.0, misses);
    }

    private static String status(HttpClient client, URI node, String page) throws Exception {
        return send(client, request(node.resolve(page)).GET()).headers().firstValue("Cache-Status")
                .orElse("");
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A request with the {@code Host} of {@code -Dhost} when set: nodes behind one load balancer see one public origin,
     * and the origin is part of every key (run with {@code -Djdk.httpclient.allowRestrictedHeaders=host}).
     */
    private static HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        String host = System.getProperty("host");
        return host == null ? request : request.header("Host", host);
    }
}
