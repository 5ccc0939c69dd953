package dev.isr.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the periodic sweep does with one entry (contract section 5): evict it when nobody read it for
 * {@code isr.evict-unread-after}, refresh it ahead of expiry when it is hot (read within the last two sweep intervals)
 * and expires before the next sweep, else leave it alone. Pure: the last read and the time are parameters.
 */
public final class SweepPolicy {

    /** The sweep's decision for one entry. */
    public enum Action {
        KEEP,
        /** Revalidate now, so that readers never see it stale. */
        REFRESH,
        /** Not read for too long: remove it. */
        EVICT_UNREAD
    }

    private final Duration interval;
    private final Duration evictUnreadAfter;

    public SweepPolicy(Duration interval, Duration evictUnreadAfter) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.evictUnreadAfter = Objects.requireNonNull(evictUnreadAfter, "evictUnreadAfter");
    }

    /**
     * @param lastSeenMillis the last read of the entry anywhere in the cluster that this node knows of, or when this
     *     node came to know the entry (stored, or found in the store at start) if nobody read it since
     * @param lastReadMillis the last actual read anywhere that this node knows of, 0 if none: only reads make an
     *     entry hot, so that a restart does not refresh every entry it finds
     * @param expiresAtMillis when it stops being fresh
     */
    public Action decide(long lastSeenMillis, long lastReadMillis, long expiresAtMillis, Instant now) {
        long nowMillis = now.toEpochMilli();
        if (nowMillis - Math.max(lastSeenMillis, lastReadMillis) > evictUnreadAfter.toMillis()) {
            return Action.EVICT_UNREAD;
        }
        boolean hot = lastReadMillis > 0 && nowMillis - lastReadMillis <= 2 * interval.toMillis();
        boolean expiresBeforeNextSweep =
                expiresAtMillis > nowMillis && expiresAtMillis - nowMillis <= interval.toMillis();
        return hot && expiresBeforeNextSweep ? Action.REFRESH : Action.KEEP;
    }
}
