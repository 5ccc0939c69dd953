package dev.isr.store;

import dev.isr.core.CachedResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Entries already decoded, each with the encoded bytes it was decoded from. The entry caches keep entries
 * ProtoStream-encoded (so that Infinispan can bound them by bytes), and decoding one copies its body: on every hit,
 * that copy was most of the allocation. A hit now reads the stored bytes (no copy) and reuses the decoded entry if
 * they are the very same array it was decoded from; a stored entry is never changed in place, so a put, a replace or a
 * removal always shows as another array, or none.
 *
 * <p>A known entry is read by its key in the stored (encoded) form, kept with it: encoding the key on every hit was
 * most of what was left of a hit's cost in the store.
 *
 * <p>Bounded by an estimate of the bodies it holds: past {@code maxBytes} it is emptied, and the entries still read
 * are decoded again. Thread-safe.
 */
final class DecodedEntries {

    /** A rough charge for what an entry holds besides its body: key, headers, tags, the record itself. */
    private static final int OVERHEAD_BYTES = 512;

    /** {@code stored}: the array the entry was decoded from; {@code storageKey}: its key as the cache stores it. */
    private record Decoded(Object stored, Object storageKey, CachedResponse response, long bytes) {}

    private final Map<String, Decoded> byKey = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;

    DecodedEntries(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The entry under {@code key}: read as stored (no copy), and decoded only when its bytes are not those decoded
     * last. A decoded entry is remembered only when the stored bytes were the same before and after decoding, so it
     * is always the one those bytes hold.
     */
    CachedResponse read(EntryViews views, String key) {
        Decoded known = byKey.get(key);
        Object stored = EntryViews.bytesOf(
                known != null
                        ? views.raw().get(known.storageKey())
                        : views.stored().get(key));
        if (stored == null) {
            forget(key);
            return null;
        }
        if (known != null && known.stored() == stored) {
            return known.response();
        }
        CachedResponse response = views.decoded().get(key);
        if (response != null && !response.key().value().equals(key)) {
            // a store that misread its file (a write cut short by a full disk) must not serve another page here
            throw new IllegalStateException("the store answered " + key + " with the entry of another key");
        }
        if (response != null && EntryViews.bytesOf(views.stored().get(key)) == stored) {
            remember(key, stored, known != null ? known.storageKey() : views.storageKey(key), response);
        }
        return response;
    }

    private void remember(String key, Object stored, Object storageKey, CachedResponse response) {
        long size = response.body().length + (long) OVERHEAD_BYTES;
        if (bytes.addAndGet(size) > maxBytes) {
            clear();
            bytes.addAndGet(size);
        }
        Decoded previous = byKey.put(key, new Decoded(stored, storageKey, response, size));
        if (previous != null) {
            bytes.addAndGet(-previous.bytes());
        }
    }

    private void forget(String key) {
        Decoded previous = byKey.remove(key);
        if (previous != null) {
            bytes.addAndGet(-previous.bytes());
        }
    }

    private void clear() {
        byKey.clear();
        bytes.set(0);
    }
}
