package dev.isr.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admits at most one background revalidation per key at a time on this node, and none for {@code retryAfter} after
 * a failed one (the back-off of RFC 5861 practice: a failing origin is not hammered by every stale hit).
 *
 * <p>Thread-safe. Time is a parameter.
 */
public final class RevalidationGate {

    private final Duration retryAfter;
    private final ConcurrentHashMap<String, Boolean> running = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Instant> backOffUntil = new ConcurrentHashMap<>();

    public RevalidationGate(Duration retryAfter) {
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
        }
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
        return running.putIfAbsent(key, Boolean.TRUE) == null;
    }

    /** Like {@link #tryStart}, but ignores a back-off: for revalidations an operator asked for explicitly. */
    public boolean tryStartIgnoringBackOff(String key) {
        return running.putIfAbsent(key, Boolean.TRUE) == null;
    }

    public void succeeded(String key) {
        backOffUntil.remove(key);
        running.remove(key);
    }

    public void failed(String key, Instant now) {
        backOffUntil.put(key, now.plus(retryAfter));
        running.remove(key);
    }

    /**
     * Whether {@link #tryStart} would refuse {@code key} at {@code now}: one runs, or the key backs off. Changes
     * nothing, waits for nothing.
     */
    public boolean refuses(String key, Instant now) {
        if (running.containsKey(key)) {
            return true;
        }
        Instant until = backOffUntil.get(key);
        return until != null && now.isBefore(until);
    }

    public boolean isRunning(String key) {
        return running.containsKey(key);
    }
}
