package dev.isr.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admits at most one background revalidation per key at a time on this node, and none for {@code retryAfter} after
 * a failed one (the back-off of RFC 5861 practice: a failing origin is not hammered by every stale hit); and at most
 * {@code maxInFlight} background revalidations at a time on this node, whatever their keys: an origin that hangs
 * must not take a server thread for each stale page asked for (each revalidation renders on one of this node's
 * workers). Past the bound a stale hit is served without starting one; a later hit starts it. Revalidations an
 * operator asked for ({@link #tryStartIgnoringBackOff}) are bounded by their caller, not here.
 *
 * <p>Thread-safe. Time is a parameter.
 */
public final class RevalidationGate {

    /** Past this many keys backing off, a failure first forgets the keys whose back-off is over. */
    static final int PRUNE_ABOVE = 1_000;

    private final Duration retryAfter;
    private final int maxInFlight;
    /** The background revalidations running (the operator's are not counted). */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Keys being revalidated: {@code TRUE} for a background one (counted in {@link #inFlight}), else FALSE. */
    private final ConcurrentHashMap<String, Boolean> running = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<String, Instant> backOffUntil = new ConcurrentHashMap<>();

    public RevalidationGate(Duration retryAfter) {
        this(retryAfter, Integer.MAX_VALUE);
    }

    public RevalidationGate(Duration retryAfter, int maxInFlight) {
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1: " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
    }

    /** True if the caller may start revalidating {@code key} now; it must then call exactly one of the outcomes. */
    public boolean tryStart(String key, Instant now) {
        Instant until = backOffUntil.get(key);
        if (until != null) {
            if (now.isBefore(until)) {
                return false;
            }
            backOffUntil.remove(key, until);
        }
        if (!reserve()) {
            return false;
        }
        if (running.putIfAbsent(key, Boolean.TRUE) != null) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    private boolean reserve() {
        while (true) {
            int now = inFlight.get();
            if (now >= maxInFlight) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    private void end(String key) {
        if (Boolean.TRUE.equals(running.remove(key))) {
            inFlight.decrementAndGet();
        }
    }

    /** How many background revalidations run now on this node. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Like {@link #tryStart}, but ignores a back-off: for revalidations an operator asked for explicitly. */
    public boolean tryStartIgnoringBackOff(String key) {
        return running.putIfAbsent(key, Boolean.FALSE) == null;
    }

    public void succeeded(String key) {
        backOffUntil.remove(key);
        end(key);
    }

    public void failed(String key, Instant now) {
        if (backOffUntil.size() >= PRUNE_ABOVE) {
            backOffUntil.values().removeIf(until -> !now.isBefore(until)); // keys never asked for again
        }
        backOffUntil.put(key, now.plus(retryAfter));
        end(key);
    }

    /** How many keys back off now or did until they were last asked for (expired ones go at the next failure). */
    public int backingOff() {
        return backOffUntil.size();
    }

    /**
     * Whether {@link #tryStart} would refuse {@code key} at {@code now}: one runs, the key backs off, or as many as
     * allowed run already. Changes nothing, waits for nothing.
     */
    public boolean refuses(String key, Instant now) {
        if (running.containsKey(key) || inFlight.get() >= maxInFlight) {
            return true;
        }
        Instant until = backOffUntil.get(key);
        return until != null && now.isBefore(until);
    }

    public boolean isRunning(String key) {
        return running.containsKey(key);
    }
}
