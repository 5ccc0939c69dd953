package dev.isr.core;

import java.time.Instant;

/**
 * What a stored entry is good for at a given moment: the decision the front door switches on.
 *
 * <p>Windows are half-open: an entry stored at {@code t} with {@code s-maxage=60} is fresh for
 * {@code t <= now < t+60s}, and stale from {@code t+60s} on.
 */
public enum Freshness {
    /** Serve it; nothing else to do. */
    FRESH,
    /** Serve it stale at once and revalidate it in the background (RFC 5861 section 3). */
    STALE_REVALIDATE,
    /** Only usable if rendering fails (RFC 5861 section 4). */
    STALE_IF_ERROR,
    /** Unusable: render before answering. */
    MUST_FETCH;

    public static Freshness assess(CachedResponse entry, Instant now) {
        Instant expires = entry.expiresAt();
        if (now.isBefore(expires)) {
            return FRESH;
        }
        CachePolicy policy = entry.policy();
        if (policy.neverServeStale()) {
            return MUST_FETCH;
        }
        if (now.isBefore(expires.plus(policy.staleWhileRevalidate()))) {
            return STALE_REVALIDATE;
        }
        if (now.isBefore(expires.plus(policy.staleIfError()))) {
            return STALE_IF_ERROR;
        }
        return MUST_FETCH;
    }
}
