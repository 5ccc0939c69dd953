package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Origin faults (issue 15, part 4). An origin that drops the connection in the middle of a response: nothing is stored,
 * and behind a stale page the revalidation fails as a network error and the stale page stays. An origin that hangs
 * behind stale pages: every render of 16 pages takes 15 s, longer than the
 * revalidation timeout (10 s). Every request is answered at once with the stale page, at most
 * {@code isr.revalidation.max-concurrency} (4) background revalidations run at a time on the node, each given up at
 * the timeout but holding its slot until its render on the node has ended (so no fifth starts within the 12 s of
 * requests), and the server's worker threads stay far from exhausted: on WildFly the test samples the busy threads of
 * the worker that runs requests (the figures are printed); on Payara, where the server does not tell, the stale
 * answers and the render count show it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OriginFaultIT extends DeployedEar {

    private static final int PAGES = 16;
    private static final int MAX_CONCURRENCY = 4;
    private static final long HANG_MS = 15_000;
    /** The admin token of this class, to read {@code /isr/metrics}. */
    private static final String TOKEN = "origin-fault-admin-token-0123456789";

    @Override
    void beforeDeploy() throws Exception {
        ServerProperties.set("isr.admin.token", TOKEN); // removed with the class (DeployedEar)
    }

    /**
     * The lab page commits a status and a part of the body it announces, then fails: the server closes the connection
     * (WildFly) or leaves the body unfinished (Payara). A visitor gets a network error, and the next visitor a render
     * again: a body cut short is never stored. Behind a stale page, the revalidation fails (logged, {@code ISR0301})
     * within {@code isr.revalidation.timeout} (10 s) even where the body never ends, the stale page is served all
     * along, and the key backs off: one attempt within {@code isr.revalidation.retry-after} (30 s).
     */
    @Test
    @Order(2) // after the hanging origin: its last revalidations must end at their timeout, or none starts here
    void anOriginThatDropsTheConnectionMidBodyStoresNothingAndLeavesTheStalePageServed() throws Exception {
        String cacheControl = "s-maxage=1, stale-while-revalidate=600";
        String dropping = "{\"headers\":{\"CDN-Cache-Control\":\"" + cacheControl + "\"},\"dropsConnection\":true}";
        String cut = Http.lab("drop-first", dropping);
        for (int i = 1; i <= 2; i++) {
            // the server closes the connection (Undertow) or leaves the body unfinished (Grizzly): never a response
            assertThrows(
                    IOException.class,
                    () -> Http.send(
                            Http.request(cut).timeout(Duration.ofSeconds(5)).GET()),
                    "a body cut short reaches the visitor as an error");
            assertEquals(i, Http.renders(cut), "nothing stored: each request renders");
        }

        awaitNoRevalidationInFlight(); // the hanging origin's, if it ran first: a full gate starts none
        String page = Http.lab("drop-stale", Http.headers("CDN-Cache-Control", cacheControl));
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(page)));
        Http.lab("drop-stale", dropping);
        Thread.sleep(1_500);
        long logStart = ServerLog.end();
        HttpResponse<String> stale = Http.get(page); // starts a revalidation whose response is cut short
        assertEquals("lab drop-stale render 1\n", stale.body());
        assertTrue(Http.cacheStatus(stale).endsWith("detail=stale-while-revalidate"), Http.cacheStatus(stale));
        String failure = awaitLogLine(logStart, "ISR0301: revalidation of ", "drop-stale", Duration.ofSeconds(20));
        assertFalse(failure.contains("failed (status "), "a network error, not a status: " + failure);
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> again = Http.get(page);
            assertEquals(200, again.statusCode());
            assertEquals("lab drop-stale render 1\n", again.body(), "the stale entry stays");
        }
        assertEquals(2, Http.renders(page), "one attempt, then the key backs off for isr.revalidation.retry-after");
        System.out.println("origin dropping its connection mid-body: nothing stored; the revalidation: " + failure);
    }

    /** Waits (40 s at most) until no background revalidation runs on the node. */
    private static void awaitNoRevalidationInFlight() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (true) {
            HttpResponse<String> metrics = Http.send(Http.request("/isr/metrics")
                    .header("Authorization", "Bearer " + TOKEN)
                    .GET());
            assertEquals(200, metrics.statusCode(), "/isr/metrics with the class's token");
            if (metrics.body().lines().anyMatch("isr_revalidations_in_flight 0"::equals)) {
                return;
            }
            assertTrue(
                    System.nanoTime() < deadline,
                    "revalidations still in flight after 40 s: "
                            + metrics.body()
                                    .lines()
                                    .filter(line -> line.startsWith("isr_revalidation"))
                                    .toList());
            Thread.sleep(200);
        }
    }

    /**
     * The first line logged since {@code offset} that holds both texts; fails after {@code patience}, showing what was
     * logged about {@code and} meanwhile.
     */
    private static String awaitLogLine(long offset, String text, String and, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<String> about = ServerLog.since(offset)
                    .lines()
                    .filter(line -> line.contains(and))
                    .toList();
            for (String line : about) {
                if (line.contains(text)) {
                    return line.strip();
                }
            }
            assertTrue(
                    System.nanoTime() < deadline,
                    "no line \"" + text + "\" about " + and + " in the server log; logged about it: " + about);
            Thread.sleep(100);
        }
    }

    @Test
    @Order(1)
    void aHangingOriginLeavesStalePagesServedAndTheWorkersFree() throws Exception {
        String cacheControl = "s-maxage=1, stale-while-revalidate=600";
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < PAGES; i++) {
            String page = Http.lab("hang-" + i, Http.headers("CDN-Cache-Control", cacheControl));
            assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(page)));
            Http.lab(
                    "hang-" + i,
                    "{\"headers\":{\"CDN-Cache-Control\":\"" + cacheControl + "\"},\"delayMs\":" + HANG_MS + "}");
            pages.add(page);
        }
        Thread.sleep(1_500); // all stale now

        OptionalInt idle = TargetServer.current().busyWorkerThreads();
        AtomicInteger maxBusy = new AtomicInteger(-1);
        AtomicInteger failedSamples = new AtomicInteger();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        if (idle.isPresent()) {
            sampler.scheduleAtFixedRate(
                    () -> {
                        try {
                            maxBusy.accumulateAndGet(
                                    TargetServer.current().busyWorkerThreads().orElse(-1), Math::max);
                        } catch (Exception e) {
                            failedSamples.incrementAndGet(); // a sample that fails must not pass for a low one
                        }
                    },
                    0,
                    200,
                    TimeUnit.MILLISECONDS);
        }
        int answered = 0;
        try {
            long end = System.nanoTime() + Duration.ofSeconds(12).toNanos(); // past one revalidation timeout
            while (System.nanoTime() < end) {
                for (int i = 0; i < PAGES; i++) {
                    HttpResponse<String> stale = Http.get(pages.get(i));
                    assertEquals(200, stale.statusCode());
                    assertEquals("lab hang-" + i + " render 1\n", stale.body(), "the stale page");
                    assertTrue(
                            Http.cacheStatus(stale).endsWith("detail=stale-while-revalidate"), Http.cacheStatus(stale));
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
        // 4 at once, and no more after the timeout while their renders still hang (15 s) on the node's threads:
        // freeing the slots at the timeout started 4 more, and Payara's 5 request threads ran out
        assertEquals(MAX_CONCURRENCY, revalidations, "background revalidations started");
        if (idle.isPresent()) {
            // the renders that hang, this test's one request, a sample, and a few threads of the server's own
            assertEquals(0, failedSamples.get(), "failed samples of the busy worker threads");
            assertTrue(maxBusy.get() >= MAX_CONCURRENCY, "the hanging renders are counted: " + maxBusy.get());
            assertTrue(maxBusy.get() <= MAX_CONCURRENCY + 4, "busy worker threads: " + maxBusy.get());
        }
        System.out.printf(
                "hanging origin (%d ms renders, %d stale pages): %d requests answered stale, %d background"
                        + " revalidations started, busy worker threads at most %s (idle %s)%n",
                HANG_MS,
                PAGES,
                answered,
                revalidations,
                idle.isPresent() ? maxBusy.get() : "not measured",
                idle.isPresent() ? idle.getAsInt() : "not measured");
    }
}
