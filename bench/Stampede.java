import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Renders per stampede: a lab page that takes 200 ms to render is stored with {@code s-maxage=1} (no
 * stale-while-revalidate), left to expire, then asked by CONCURRENT requests at once, spread round-robin over the
 * nodes. Counts the renders the nodes made for it (their {@code /demo/renders}) and the answers by status and
 * {@code Cache-Status}. Repeats ROUNDS times on the same key. A perfect collapse is one render per stampede, cluster
 * included.
 * Usage: java Stampede.java BASE[,BASE...] [CONCURRENT] [ROUNDS]
 */
public class Stampede {
    private static final String PAGE = "/demo/lab/stampede";

    public static void main(String[] args) throws Exception {
        List<URI> nodes = new ArrayList<>();
        for (String base : args[0].split(",")) {
            nodes.add(URI.create(base));
        }
        int concurrent = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        for (URI node : nodes) {
            send(client, request(node.resolve(PAGE + "/script")).header("Content-Type",
                    "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"headers\":{\"CDN-Cache-Control\":\"s-maxage=1\"},\"delayMs\":200}")));
        }
        send(client, request(nodes.get(0).resolve(PAGE)).GET());
        for (int round = 1; round <= rounds; round++) {
            Thread.sleep(1500); // the entry is now stale, and may not be served stale
            long before = renders(client, nodes);
            ConcurrentHashMap<String, LongAdder> answers = new ConcurrentHashMap<>();
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < concurrent; i++) {
                URI node = nodes.get(i % nodes.size());
                inFlight.add(client.sendAsync(request(node.resolve(PAGE)).timeout(Duration.ofSeconds(60))
                        .GET().build(), HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                            String kind = error != null ? "error " + error.getClass().getSimpleName()
                                    : response.statusCode() + " " + response.headers().firstValue("Cache-Status")
                                            .orElse("-").replaceAll("; ttl=-?\\d+", "");
                            answers.computeIfAbsent(kind, k -> new LongAdder()).increment();
                            return null;
                        }));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            long millis = (System.nanoTime() - start) / 1_000_000;
            long renders = renders(client, nodes) - before;
            TreeMap<String, Long> sorted = new TreeMap<>();
            answers.forEach((kind, count) -> sorted.put(kind, count.sum()));
            System.out.printf("stampede %d on %d node(s): %d requests, %d render(s), %d ms; answers %s%n", round,
                    nodes.size(), concurrent, renders, millis, sorted);
        }
    }

    private static long renders(HttpClient client, List<URI> nodes) throws Exception {
        long sum = 0;
        for (URI node : nodes) {
            sum += Long.parseLong(send(client, request(node.resolve("/demo/renders?path=" + PAGE)).GET())
                    .body().trim());
        }
        return sum;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response;
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
