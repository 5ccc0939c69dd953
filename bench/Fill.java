import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills the cache of a running demo server: GETs {@code <base><path>?i=<n>} for n in [from, to) with bounded
 * concurrency, and fails if any answer is not stored. Usage: java Fill.java BASE PATH FROM TO [CONCURRENCY]
 */
public class Fill {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String path = args[1];
        int from = Integer.parseInt(args[2]);
        int to = Integer.parseInt(args[3]);
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger notStored = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = from; i < to; i++) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path + "?i=" + i)).GET().build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error != null || response.statusCode() != 200) {
                    failed.incrementAndGet();
                } else if (!response.headers().firstValue("Cache-Status").orElse("").endsWith("stored")) {
                    notStored.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("filled %s i=%d..%d in %d ms (%.0f req/s), not stored %d, failed %d%n", path, from, to - 1,
                millis, (to - from) * 1000.0 / Math.max(1, millis), notStored.get(), failed.get());
        if (failed.get() > 0 || notStored.get() > 0) {
            System.exit(1);
        }
    }
}
