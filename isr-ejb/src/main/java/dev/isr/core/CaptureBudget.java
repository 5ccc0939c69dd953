package dev.isr.core;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes that responses being captured may buffer at once on this node ({@code isr.capture.max-bytes}): without
 * it, many large renders at the same time could each hold up to {@code isr.max-body-bytes} and exhaust the heap.
 *
 * <p>A capture reserves bytes as its buffer grows and releases all of them when it is done, whatever happened; a
 * reservation that would go past the limit fails (and reserves nothing), so the response streams through unstored.
 * Thread-safe and lock-free: the bytes in flight never exceed the limit, however many threads reserve at once.
 */
public final class CaptureBudget {

    private final long limit;
    private final AtomicLong inFlight = new AtomicLong();

    /** @param limit the most bytes reserved at once; 0 lets nothing be captured */
    public CaptureBudget(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0: " + limit);
        }
        this.limit = limit;
    }

    /**
     * Reserves {@code bytes} if the total stays within the limit.
     *
     * @return true if reserved (the caller must {@link #release} them later), false if nothing was reserved
     */
    public boolean tryReserve(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0: " + bytes);
        }
        long current;
        do {
            current = inFlight.get();
            if (bytes > limit - current) {
                return false;
            }
        } while (!inFlight.compareAndSet(current, current + bytes));
        return true;
    }

    /** Gives back {@code bytes} reserved earlier by {@link #tryReserve}. */
    public void release(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0: " + bytes);
        }
        long after = inFlight.addAndGet(-bytes);
        if (after < 0) {
            inFlight.addAndGet(bytes);
            throw new IllegalStateException("released " + bytes + " bytes more than were reserved: " + after);
        }
    }

    /** The bytes reserved now: a snapshot. */
    public long bytesInFlight() {
        return inFlight.get();
    }

    public long limit() {
        return limit;
    }

    @Override
    public String toString() {
        return "CaptureBudget[" + inFlight.get() + "/" + limit + " bytes]";
    }
}
