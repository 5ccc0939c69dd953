package dev.isr.store;

import dev.isr.core.CacheKey;
import dev.isr.core.CachedResponse;
import dev.isr.core.ResponseCache;
import java.util.Optional;

/** The cache that could not start: always empty, stores nothing, so pages are rendered and served uncached. */
enum UnavailableResponseCache implements ResponseCache {
    INSTANCE;

    @Override
    public Optional<CachedResponse> get(CacheKey key) {
        return Optional.empty();
    }

    @Override
    public void put(CachedResponse response) {
        // nowhere to put it: the caller reports fwd=bypass; detail=cache-unavailable
    }

    @Override
    public void remove(CacheKey key) {
        // nothing stored, nothing to remove
    }

    @Override
    public boolean available() {
        return false;
    }
}
