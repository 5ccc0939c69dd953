package dev.isr.core;

/**
 * How many bytes the entries take on this node now, to compare with the {@link ByteBudgets}.
 *
 * @param memory bytes of entries held in memory, over both entry caches, as the store estimates them (encoded
 *     entries and the store's per-entry overhead)
 * @param store bytes of durable entries in the persistent store, as {@link CachedResponse#estimatedBytes()} counts them
 */
public record ByteUsage(long memory, long store) {

    public static final ByteUsage NONE = new ByteUsage(0, 0);
}
