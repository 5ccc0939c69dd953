package dev.isr.core;

import static dev.isr.core.Entries.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The collapser and the revalidation gate: one render per key, one revalidation per key, back-off after failure. */
class ConcurrencyPrimitivesTest {

    @Test
    void firstJoinLeadsOthersFollowUntilClosed() throws Exception {
        RenderCollapser collapser = new RenderCollapser();
        RenderCollapser.Render leader = collapser.join("/k");
        RenderCollapser.Render follower = collapser.join("/k");
        assertInstanceOf(RenderCollapser.Leader.class, leader);
        RenderCollapser.Follower waiting = assertInstanceOf(RenderCollapser.Follower.class, follower);
        assertFalse(waiting.await(Duration.ofMillis(10)), "leader still rendering");
        assertInstanceOf(RenderCollapser.Leader.class, collapser.join("/other"));
        leader.close();
        assertTrue(waiting.await(Duration.ofMillis(10)));
        assertInstanceOf(RenderCollapser.Leader.class, collapser.join("/k"), "a later request leads again");
    }

    @Test
    void manyThreadsOnOneKeyElectExactlyOneLeader() throws Exception {
        RenderCollapser collapser = new RenderCollapser();
        int threads = 32;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger leaders = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            CountDownLatch joined = new CountDownLatch(threads);
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    RenderCollapser.Render render = collapser.join("/k");
                    joined.countDown();
                    if (render instanceof RenderCollapser.Leader) {
                        leaders.incrementAndGet();
                        joined.await(); // every thread has joined while this one leads
                        render.close();
                        return true;
                    }
                    return ((RenderCollapser.Follower) render).await(Duration.ofSeconds(10));
                }));
            }
            start.countDown();
            for (Future<Boolean> result : done) {
                assertTrue(result.get());
            }
            assertEquals(1, leaders.get());
            assertEquals(0, collapser.inFlight());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void gateAdmitsOneRevalidationPerKey() {
        RevalidationGate gate = new RevalidationGate(Duration.ofSeconds(30));
        assertTrue(gate.tryStart("/k", T0));
        assertFalse(gate.tryStart("/k", T0), "already running");
        assertTrue(gate.tryStart("/other", T0));
        gate.succeeded("/k");
        assertTrue(gate.tryStart("/k", T0.plusMillis(1)), "a success allows the next one at once");
    }

    @Test
    void gateBacksOffAfterAFailure() {
        RevalidationGate gate = new RevalidationGate(Duration.ofSeconds(30));
        assertTrue(gate.tryStart("/k", T0));
        gate.failed("/k", T0);
        assertFalse(gate.tryStart("/k", T0.plusSeconds(29)));
        assertTrue(gate.tryStart("/k", T0.plusSeconds(30)), "no sooner than retry-after, and then again");
    }

    /** A hanging origin must not take a worker per stale page: past the bound, stale hits start nothing. */
    @Test
    void gateBoundsTheBackgroundRevalidationsInFlightWhateverTheirKeys() {
        RevalidationGate gate = new RevalidationGate(Duration.ofSeconds(30), 2);
        assertTrue(gate.tryStart("/a", T0));
        assertTrue(gate.tryStart("/b", T0));
        assertFalse(gate.tryStart("/c", T0), "two in flight already");
        assertTrue(gate.refuses("/c", T0));
        assertFalse(gate.tryStart("/a", T0), "a refused duplicate takes no slot");
        assertEquals(2, gate.inFlight());
        assertTrue(gate.tryStartIgnoringBackOff("/eager"), "an operator's revalidation is bounded by its caller");
        gate.succeeded("/eager");
        assertEquals(2, gate.inFlight(), "and is not counted");
        gate.failed("/a", T0);
        assertTrue(gate.tryStart("/c", T0), "a slot freed by a failure");
        gate.succeeded("/b");
        gate.succeeded("/c");
        assertEquals(0, gate.inFlight());
    }

    /**
     * A revalidation given up at its timeout still renders on one of this node's threads while the origin hangs: its
     * slot is freed when both the exchange and the render have ended, in either order.
     */
    @Test
    void gateHoldsASlotUntilTheRenderOnThisNodeEndsToo() {
        RevalidationGate gate = new RevalidationGate(Duration.ofSeconds(30), 1);
        assertTrue(gate.tryStart("/hangs", T0));
        assertTrue(gate.renderStarted("/hangs"));
        gate.failed("/hangs", T0); // timed out
        assertEquals(1, gate.inFlight(), "the render still runs here");
        assertFalse(gate.tryStart("/other", T0), "no new revalidation while it does");
        assertTrue(gate.isRunning("/hangs"), "and none of the same key");
        gate.renderEnded("/hangs");
        assertEquals(0, gate.inFlight());
        assertFalse(gate.isRunning("/hangs"));
        assertFalse(gate.tryStart("/hangs", T0.plusSeconds(1)), "the failure still backs the key off");

        assertTrue(gate.tryStart("/quick", T0));
        gate.renderStarted("/quick");
        gate.renderEnded("/quick"); // the render ends before the revalidator has read the response
        assertEquals(1, gate.inFlight(), "the exchange is still open");
        gate.succeeded("/quick");
        assertEquals(0, gate.inFlight());

        assertTrue(gate.tryStartIgnoringBackOff("/eager"));
        gate.renderStarted("/eager");
        gate.succeeded("/eager");
        assertTrue(gate.isRunning("/eager"), "an operator's revalidation is also one per key until its render ends");
        gate.renderEnded("/eager");
        assertFalse(gate.isRunning("/eager"));
        assertEquals(0, gate.inFlight(), "and never counted");
    }

    /** A node renders revalidations that other nodes started: the gate here has no slot for them and keeps none. */
    @Test
    void gateIgnoresRendersOfRevalidationsItDidNotStart() {
        RevalidationGate gate = new RevalidationGate(Duration.ofSeconds(30), 1);
        assertFalse(gate.renderStarted("/elsewhere"), "holds no slot: its end is not reported");
        assertFalse(gate.isRunning("/elsewhere"));
        assertTrue(gate.tryStart("/elsewhere", T0)); // this node's own revalidation of the key, meanwhile
        assertTrue(gate.renderStarted("/elsewhere"));
        gate.failed("/elsewhere", T0);
        assertEquals(1, gate.inFlight(), "its own render still holds the slot");
        gate.renderEnded("/elsewhere");
        assertEquals(0, gate.inFlight());
    }

    /** Keys that failed once and were never asked for again must not pile up for ever. */
    @Test
    void gateForgetsBackOffsThatAreOverOnceThereAreMany() {
        RevalidationGate gate = new RevalidationGate(Duration.ofSeconds(30));
        for (int i = 0; i < RevalidationGate.PRUNE_ABOVE; i++) {
            assertTrue(gate.tryStart("/k" + i, T0));
            gate.failed("/k" + i, T0);
        }
        assertEquals(RevalidationGate.PRUNE_ABOVE, gate.backingOff());
        assertTrue(gate.tryStart("/late", T0.plusSeconds(10)));
        gate.failed("/late", T0.plusSeconds(10));
        assertEquals(RevalidationGate.PRUNE_ABOVE + 1, gate.backingOff(), "none over yet: all kept");
        assertTrue(gate.tryStart("/last", T0.plusSeconds(31)));
        gate.failed("/last", T0.plusSeconds(31));
        assertEquals(2, gate.backingOff(), "the ones over are forgotten, the two still backing off kept");
        assertFalse(gate.tryStart("/late", T0.plusSeconds(31)), "still backing off");
    }

    @Test
    void gateRefusesExactlyWhatTryStartWouldRefuseAndChangesNothing() {
        RevalidationGate gate = new RevalidationGate(Duration.ofSeconds(30));
        assertFalse(gate.refuses("/k", T0), "nothing running");
        assertTrue(gate.tryStart("/k", T0));
        assertTrue(gate.refuses("/k", T0), "running");
        gate.failed("/k", T0);
        assertTrue(gate.refuses("/k", T0.plusSeconds(29)), "backing off");
        assertFalse(gate.refuses("/k", T0.plusSeconds(30)), "back-off over");
        assertTrue(gate.tryStart("/k", T0.plusSeconds(30)), "refuses started nothing");
    }
}
