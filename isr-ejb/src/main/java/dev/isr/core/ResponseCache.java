package dev.isr.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where cached responses live. The front door reads through it, the capture filter writes through it, the admin API
 * purges and lists through it; the Infinispan implementation is one adapter, tests may use another.
 *
 * <p>Implementations are thread-safe. They fail open: a store that cannot be reached reports {@link #available()}
 * false and behaves as empty, it never throws to the caller.
 */
public interface ResponseCache {

    /** The entry stored under {@code key}, whatever its freshness; the caller decides what it is good for. */
    Optional<CachedResponse> get(CacheKey key);

    /**
     * {@link #get} as far as this node can answer without waiting (no disk, no other node): for a front door on an
     * I/O thread. Empty when the entry is not in this node's memory, or when a purge hides it (its removal is left
     * to {@link #get}); the caller then asks {@link #get} from a thread that may wait.
     */
    Optional<CachedResponse> getWithoutBlocking(CacheKey key);

    /** How responses for {@code path} vary, as its last stored response said; {@link VaryRule#DEFAULT} if unknown. */
    VaryRule varyRule(String path);

    /**
     * Stores {@code response}, replacing any previous entry of the same key in one step, and records how responses
     * for its path vary. Durable entries go to the persistent store, the others to memory only; a durable entry that
     * would take the store past its byte budget is kept in memory only.
     *
     * <p>A response that a purge already hides (one that covers it was issued after its render started, see
     * {@link PurgeRecord#verdictFor(long, long, long)}) is not stored: it would only be hidden on every read.
     *
     * @return true if stored; false if a purge hides it, the store failed or the cache is unavailable (the response is
     *     then served uncached)
     */
    boolean put(CachedResponse response, VaryRule rule);

    /**
     * The purge epoch as this node sees it: a cluster-wide counter that every purge advances before it takes effect.
     * Read it before a render starts and store the response with it ({@link CachedResponse#renderEpoch()}), so that a
     * purge issued while it renders purges it. A local read, cheap enough for every miss; 0 if it cannot be read
     * (then purges compare the entry's store time, as for entries stored before the epoch existed).
     */
    long purgeEpoch();

    /**
     * Remembers how responses for {@code path} vary although none of them is stored: a render that was shown query
     * parameters its rule leaves out of the key was not stored, and the next request must be shown only those the
     * rule keys on. Kept for {@code lifespan}.
     */
    void putVaryRule(String path, VaryRule rule, Duration lifespan);

    /** Removes the entry of {@code key}, if any. */
    void remove(CacheKey key);

    /** Removes every entry stored for {@code path} (all queries and variants); returns how many. */
    int removePath(String path);

    /**
     * Purges what {@code request} selects: removes it, or for a soft purge marks it stale as of {@code now}. Returns
     * the number of entries purged; when it returns, this node serves none of them as fresh.
     */
    int purge(PurgeRequest request, Instant now);

    /** The stored entries of these paths and tags, most read first: what an eager revalidation renders again. */
    List<CachedResponse> select(PurgeRequest request);

    /** Counts a read of {@code key}, for "most read first" and for the sweep of unread entries. */
    void recordRead(CacheKey key, Instant now);

    /** The stored entries as this node indexes them, for listings, statistics and the sweep: a read-only view. */
    EntryListing index();

    /** How many bytes the entries take now, in memory and in the persistent store; a snapshot, cheap to read. */
    default ByteUsage usage() {
        return ByteUsage.NONE;
    }

    /** False when the cache could not start; then nothing is served from it or stored in it. */
    boolean available();
}
