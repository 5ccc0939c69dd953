package dev.isr.core;

import java.time.Instant;

/**
 * Starts the background revalidation of a stale entry. Implementations return at once and never throw; they decide
 * themselves whether a revalidation is already running or backing off.
 */
@FunctionalInterface
public interface Revalidator {

    /** A revalidator that does nothing, for a node that cannot revalidate (and for tests). */
    Revalidator NONE = stale -> {};

    void revalidate(CachedResponse stale);

    /**
     * Whether {@link #revalidate} would start nothing for {@code stale} at {@code now} (one is running on this node, or
     * its key backs off after a failure), known without waiting: a thread that may not wait can then answer the stale
     * hit itself. False when unknown.
     */
    default boolean underway(CachedResponse stale, Instant now) {
        return false;
    }
}
