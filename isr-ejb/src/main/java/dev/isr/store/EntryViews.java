package dev.isr.store;

import dev.isr.core.CachedResponse;
import java.util.Objects;
import org.infinispan.Cache;
import org.infinispan.commons.dataconversion.MediaType;
import org.infinispan.commons.marshall.WrappedByteArray;
import org.infinispan.context.Flag;

/**
 * One entry cache seen three ways, made once: {@code decoded} (keys and values as objects: a read decodes the value,
 * copying its body), {@code stored} (keys as objects, values as stored: a read copies nothing, but encodes the key)
 * and {@code raw} (keys and values as stored: no transcoding at all, for keys already encoded once by
 * {@link #storageKey}).
 */
record EntryViews(Cache<String, CachedResponse> decoded, Cache<String, Object> stored, Cache<Object, Object> raw) {

    EntryViews {
        Objects.requireNonNull(decoded, "decoded");
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(raw, "raw");
    }

    /** The three views of {@code cache}. */
    @SuppressWarnings("unchecked")
    static EntryViews of(Cache<String, CachedResponse> cache) {
        // keys as the cache is asked for them: objects, or the module's objects in a server's container
        MediaType keys = cache.getAdvancedCache().getKeyDataConversion().getRequestMediaType();
        return new EntryViews(
                cache,
                (Cache<String, Object>)
                        (Cache<?, ?>) cache.getAdvancedCache().withMediaType(keys, MediaType.APPLICATION_PROTOSTREAM),
                (Cache<Object, Object>) (Cache<?, ?>) cache.getAdvancedCache().withStorageMediaType());
    }

    /** The same views of {@code cache} as this node holds it in memory: no store loaded, no other node asked. */
    static EntryViews inMemoryHere(Cache<String, CachedResponse> cache) {
        return of(cache.getAdvancedCache().withFlags(Flag.SKIP_CACHE_LOAD, Flag.CACHE_MODE_LOCAL));
    }

    /** {@code key} as the cache stores it, for {@link #raw}: encoding the key is most of a read by object key. */
    Object storageKey(String key) {
        return stored.getAdvancedCache().getKeyDataConversion().toStorage(key);
    }

    /**
     * The array holding a stored value, whichever view read it: the same array for the same stored version, so that
     * two reads can be compared by identity.
     */
    static Object bytesOf(Object stored) {
        return stored instanceof WrappedByteArray wrapped ? wrapped.getBytes() : stored;
    }
}
