package dev.isr.it;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load generator for fault tests: a few clients sending requests until stopped, or until a bound of requests or of
 * time is reached, whichever comes first, so that no test can loop forever. Every answer that is not a 200, and every
 * exception, is a failure, recorded with what was asked.
 */
final class LoadRun {

    /** One request of the run: {@code n} is its number, from 0. */
    interface Request {
        HttpResponse<String> send(int n) throws Exception;
    }

    record Result(int answered, List<String> failures) {}

    private final ExecutorService clients;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    private LoadRun(int clients) {
        this.clients = Executors.newFixedThreadPool(clients);
    }

    static LoadRun start(int clients, int maxRequests, Duration maxTime, Request request) {
        LoadRun run = new LoadRun(clients);
        long deadline = System.nanoTime() + maxTime.toNanos();
        for (int i = 0; i < clients; i++) {
            run.clients.submit(() -> {
                int n;
                while (run.running.get()
                        && System.nanoTime() < deadline
                        && (n = run.sent.getAndIncrement()) < maxRequests) {
                    try {
                        HttpResponse<String> response = request.send(n);
                        if (response.statusCode() != 200) {
                            run.failures.add(response.uri() + " -> " + response.statusCode());
                        }
                        run.answered.incrementAndGet();
                    } catch (Exception e) {
                        run.failures.add("request " + n + " -> " + e);
                    }
                }
            });
        }
        return run;
    }

    /** Stops the clients (each finishes its request in flight) and returns what they saw. */
    Result stop() throws InterruptedException {
        running.set(false);
        clients.shutdown();
        if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
            clients.shutdownNow();
            failures.add("clients still running 60 s after the stop");
        }
        return new Result(answered.get(), List.copyOf(failures));
    }
}
