package dev.isr.core;

/**
 * How many bytes the cache may hold, per node.
 *
 * @param memory bytes of entries held in memory, over both entry caches ({@code isr.memory.max-bytes}); past it
 *     Infinispan evicts (by recency and frequency): memory-only entries are gone, durable ones stay on disk
 * @param store bytes of durable entries in the persistent store ({@code isr.store.max-bytes}); past it new durable
 *     entries are kept in memory only
 * @param capture bytes that responses being captured may buffer at once ({@code isr.capture.max-bytes}); past it a
 *     response is streamed to its client unstored ({@code detail=capture-budget})
 * @param storeMinFree bytes kept free on the file system of the persistent store ({@code isr.store.min-free-bytes});
 *     below it new durable entries are kept in memory only and readiness is DOWN, so that the disk never fills up
 *     under a write of the store (which Infinispan's file store does not survive intact)
 */
public record ByteBudgets(long memory, long store, long capture, long storeMinFree) {

    public static final long DEFAULT_MEMORY = 256L << 20;
    public static final long DEFAULT_STORE = 1L << 30;
    public static final long DEFAULT_CAPTURE = 64L << 20;
    public static final long DEFAULT_STORE_MIN_FREE = 64L << 20;

    public static final ByteBudgets DEFAULTS =
            new ByteBudgets(DEFAULT_MEMORY, DEFAULT_STORE, DEFAULT_CAPTURE, DEFAULT_STORE_MIN_FREE);

    /** The smallest memory budget: Infinispan needs room for a few entries and its own overhead. */
    public static final long MIN_MEMORY = 1L << 20;

    public ByteBudgets {
        if (memory < MIN_MEMORY) {
            throw new IllegalArgumentException(
                    ConfigKey.MEMORY_MAX_BYTES.key() + " must be >= " + MIN_MEMORY + ": " + memory);
        }
        if (store < 0) {
            throw new IllegalArgumentException(ConfigKey.STORE_MAX_BYTES.key() + " must be >= 0: " + store);
        }
        if (capture < 0) {
            throw new IllegalArgumentException(ConfigKey.CAPTURE_MAX_BYTES.key() + " must be >= 0: " + capture);
        }
        if (storeMinFree < 0) {
            throw new IllegalArgumentException(ConfigKey.STORE_MIN_FREE_BYTES.key() + " must be >= 0: " + storeMinFree);
        }
    }

    /** With the default {@code storeMinFree}. */
    public ByteBudgets(long memory, long store, long capture) {
        this(memory, store, capture, DEFAULT_STORE_MIN_FREE);
    }
}
