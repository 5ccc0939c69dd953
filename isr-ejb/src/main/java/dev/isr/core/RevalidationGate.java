package dev.isr.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Admits at most one background revalidation per key at a time on this node, and none for {@code retryAfter} after
 * a failed one (the back-off of RFC 5861 practice: a failing origin is not hammered by every stale hit); and at most
 * {@code maxInFlight} background revalidations at a time on this node, whatever their keys: an origin that hangs
 * must not take a server thread for each stale page asked for (each revalidation renders on one of this node's
 * workers). Past the bound a stale hit is served without starting one; a later hit starts it. Revalidations an
 * operator asked for ({@link #tryStartIgnoringBackOff}) are bounded by their caller, not here.
 *
 * <p>A slot is held until the revalidation's exchange has ended <em>and</em> its render on this node has: the
 * revalidator gives an origin up at its timeout, but the render goes on, on one of this node's request threads, for as
 * long as the origin hangs. Freeing the slot at the timeout let four more hanging renders start every timeout, until
 * the request threads ran out (Payara's default pool has five; found by OriginFaultIT). The front door reports the
 * renders it runs for a revalidation ({@link #renderStarted}, {@link #renderEnded}); one on another node (an origin
 * behind a balancer) is not seen here, and its slot is freed with the exchange.
 *
 * <p>Thread-safe. Time is a parameter.
 */
public final class RevalidationGate {

    /** Past this many keys backing off, a failure first forgets the keys whose back-off is over. */
    static final int PRUNE_ABOVE = 1_000;

    private final Duration retryAfter;
    private final int maxInFlight;
    /** The background revalidations holding a slot (the operator's are not counted). */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Keys being revalidated, until both their exchange and their renders on this node have ended. */
    private final ConcurrentHashMap<String, Slot> running = new ConcurrentHashMap<>();

    /**
     * One key's revalidation: whether it counts in {@link #inFlight} (a background one), whether its exchange with the
     * origin is still open, and how many renders for it run on this node now.
     */
    private record Slot(boolean background, boolean exchangeOpen, int rendersHere) {

        Slot exchangeEnded() {
            return new Slot(background, false, rendersHere);
        }

        Slot renders(int change) {
            return new Slot(background, exchangeOpen, rendersHere + change);
        }

        boolean over() {
            return !exchangeOpen && rendersHere <= 0;
        }
    }

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
        if (running.putIfAbsent(key, new Slot(true, true, 0)) != null) {
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

    /** The exchange of {@code key}'s revalidation ended; its slot is freed unless a render for it still runs here. */
    private void end(String key) {
        release(key, Slot::exchangeEnded);
    }

    /**
     * This node's front door began a render for the authenticated revalidation of {@code key}: until
     * {@link #renderEnded}, the key's slot stays taken, even once its exchange has been given up. Nothing happens for a
     * key this node does not revalidate (the request came from another node).
     *
     * @return whether the render holds the slot: only then must its end be reported, so that a render that began
     *     before this node took the key cannot free the slot of this node's own
     */
    public boolean renderStarted(String key) {
        return running.computeIfPresent(key, (k, slot) -> slot.renders(1)) != null;
    }

    /** The render that {@link #renderStarted} said holds the slot has ended, normally or not. */
    public void renderEnded(String key) {
        release(key, slot -> slot.renders(-1));
    }

    private void release(String key, UnaryOperator<Slot> change) {
        boolean[] freed = {false};
        running.computeIfPresent(key, (k, slot) -> {
            Slot next = change.apply(slot);
            if (next.over()) {
                freed[0] = next.background();
                return null;
            }
            return next;
        });
        if (freed[0]) {
            inFlight.decrementAndGet();
        }
    }

    /** How many background revalidations hold a slot now on this node (their exchange, or a render here, runs). */
    public int inFlight() {
        return inFlight.get();
    }

    /** Like {@link #tryStart}, but ignores a back-off: for revalidations an operator asked for explicitly. */
    public boolean tryStartIgnoringBackOff(String key) {
        return running.putIfAbsent(key, new Slot(false, true, 0)) == null;
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
