package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bytes captures may buffer at once: reservations within the limit, all or nothing, under contention too. */
class CaptureBudgetTest {

    @Test
    void reservesUpToTheLimitAndNoFurther() {
        CaptureBudget budget = new CaptureBudget(100);
        assertTrue(budget.tryReserve(60));
        assertFalse(budget.tryReserve(41), "a reservation past the limit reserves nothing");
        assertEquals(60, budget.bytesInFlight());
        assertTrue(budget.tryReserve(40));
        budget.release(100);
        assertEquals(0, budget.bytesInFlight());
    }

    @Test
    void zeroLimitCapturesNothing() {
        CaptureBudget budget = new CaptureBudget(0);
        assertFalse(budget.tryReserve(1));
        assertTrue(budget.tryReserve(0));
    }

    @Test
    void releasingMoreThanReservedIsABug() {
        CaptureBudget budget = new CaptureBudget(10);
        budget.tryReserve(5);
        assertThrows(IllegalStateException.class, () -> budget.release(6));
        assertEquals(5, budget.bytesInFlight());
        assertThrows(IllegalArgumentException.class, () -> new CaptureBudget(-1));
    }

    @Test
    void concurrentReservationsNeverExceedTheLimit() throws Exception {
        CaptureBudget budget = new CaptureBudget(1_000);
        AtomicLong highest = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int size = 100 + t * 37;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < 20_000; i++) {
                    if (budget.tryReserve(size)) {
                        highest.accumulateAndGet(budget.bytesInFlight(), Math::max);
                        budget.release(size);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(highest.get() <= 1_000, "highest in flight: " + highest.get());
        assertEquals(0, budget.bytesInFlight());
    }
}
