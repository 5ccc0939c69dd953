package dev.isr.core;

/**
 * Starts the background revalidation of a stale entry. Implementations return at once and never throw; they decide
 * themselves whether a revalidation is already running or backing off.
 */
@FunctionalInterface
public interface Revalidator {

    /** A revalidator that does nothing, for a node that cannot revalidate (and for tests). */
    Revalidator NONE = stale -> { };

    void revalidate(CachedResponse stale);
}
