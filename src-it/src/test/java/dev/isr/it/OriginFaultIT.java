package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An origin that hangs behind stale pages (issue 15, part 4): every render of 16 pages takes 15 s, longer than the
 * revalidation timeout (10 s). Every request is answered at once with the stale page, at most
 * {@code isr.revalidation.max-concurrency} (4) background revalidations run at a time on the node, each given up at
 * the timeout, and the server's worker threads stay far from exhausted: on WildFly the test samples the busy threads of
 * the worker that runs requests (the figures are printed); on Payara, where the server does not tell, the stale
 * answers and the render count show it.
 */
class OriginFaultIT extends DeployedEar {

    private static final int PAGES = 16;
    private static final int MAX_CONCURRENCY = 4;
    private static final long HANG_MS = 15_000;

    @Test
    void aHangingOriginLeavesStalePagesServedAndTheWorkersFree() throws Exception {
        String cacheControl = "s-maxage=1, stale-while-revalidate=600";
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < PAGES; i++) {
            String page = Http.lab("hang-" + i, Http.headers("CDN-Cache-Control", cacheControl));
            assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(page)));
            Http.lab("hang-" + i, "{\"headers\":{\"CDN-Cache-Control\":\"" + cacheControl + "\"},\"delayMs\":"
                    + HANG_MS + "}");
            pages.add(page);
        }
        Thread.sleep(1_500); // all stale now

        OptionalInt idle = TargetServer.current().busyWorkerThreads();
        AtomicInteger maxBusy = new AtomicInteger(-1);
        AtomicInteger failedSamples = new AtomicInteger();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        if (idle.isPresent()) {
            sampler.scheduleAtFixedRate(() -> {
                try {
                    maxBusy.accumulateAndGet(TargetServer.current().busyWorkerThreads().orElse(-1), Math::max);
                } catch (Exception e) {
                    failedSamples.incrementAndGet(); // a sample that fails must not pass for a low one
                }
            }, 0, 200, TimeUnit.MILLISECONDS);
        }
        int answered = 0;
        try {
            long end = System.nanoTime() + Duration.ofSeconds(12).toNanos(); // past one revalidation timeout
            while (System.nanoTime() < end) {
                for (int i = 0; i < PAGES; i++) {
                    HttpResponse<String> stale = Http.get(pages.get(i));
                    assertEquals(200, stale.statusCode());
                    assertEquals("lab hang-" + i + " render 1\n", stale.body(), "the stale page");
                    assertTrue(Http.cacheStatus(stale).endsWith("detail=stale-while-revalidate"),
                            Http.cacheStatus(stale));
                    answered++;
                }
            }
        } finally {
            sampler.shutdown(); // a sample under way ends: interrupting it would fail it
            assertTrue(sampler.awaitTermination(30, TimeUnit.SECONDS), "the sampler ends");
        }
        long revalidations = 0;
        for (String page : pages) {
            revalidations += Http.renders(page) - 1;
        }
        // one round of 4 until the timeout, a second after it: never one per stale page at once
        assertTrue(revalidations <= 2L * MAX_CONCURRENCY, "background revalidations started: " + revalidations);
        assertTrue(revalidations >= MAX_CONCURRENCY, "stale hits start revalidations: " + revalidations);
        if (idle.isPresent()) {
            // the renders that hang, this test's one request, a sample, and a few threads of the server's own
            assertEquals(0, failedSamples.get(), "failed samples of the busy worker threads");
            assertTrue(maxBusy.get() >= MAX_CONCURRENCY, "the hanging renders are counted: " + maxBusy.get());
            assertTrue(maxBusy.get() <= 2 * MAX_CONCURRENCY + 4, "busy worker threads: " + maxBusy.get());
        }
        System.out.printf("hanging origin (%d ms renders, %d stale pages): %d requests answered stale, %d background"
                + " revalidations started, busy worker threads at most %s (idle %s)%n", HANG_MS, PAGES, answered,
                revalidations, idle.isPresent() ? maxBusy.get() : "not measured", idle.isPresent() ? idle.getAsInt()
                : "not measured");
    }
}
