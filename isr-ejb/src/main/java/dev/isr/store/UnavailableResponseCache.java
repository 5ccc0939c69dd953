package dev.isr.store;

import dev.isr.core.CacheKey;
import dev.isr.core.CachedResponse;
import dev.isr.core.EntryIndex;
import dev.isr.core.EntryListing;
import dev.isr.core.PurgeRequest;
import dev.isr.core.ResponseCache;
import dev.isr.core.VaryRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The cache that could not start: always empty, stores nothing, so pages are rendered and served uncached. */
enum UnavailableResponseCache implements ResponseCache {
    INSTANCE;

    private final EntryListing empty = new EntryIndex();

    @Override
    public Optional<CachedResponse> get(CacheKey key) {
        return Optional.empty();
    }

    @Override
    public Optional<CachedResponse> getWithoutBlocking(CacheKey key) {
        return Optional.empty();
    }

    @Override
    public VaryRule varyRule(String path) {
        return VaryRule.DEFAULT;
    }

    @Override
    public boolean put(CachedResponse response, VaryRule rule) {
        return false; // nowhere to put it: the caller reports fwd=bypass; detail=cache-unavailable
    }

    /** 0: no epoch, and nothing stored for a purge to hide anyway. */
    @Override
    public long purgeEpoch() {
        return 0;
    }

    @Override
    public void putVaryRule(String path, VaryRule rule, Duration lifespan) {
        // nowhere to put it
    }

    @Override
    public void remove(CacheKey key) {
        // nothing stored, nothing to remove
    }

    @Override
    public int removePath(String path) {
        return 0;
    }

    @Override
    public int purge(PurgeRequest request, Instant now) {
        return 0;
    }

    @Override
    public List<CachedResponse> select(PurgeRequest request) {
        return List.of();
    }

    @Override
    public void recordRead(CacheKey key, Instant now) {
        // nothing is read from an unavailable cache
    }

    @Override
    public EntryListing index() {
        return empty;
    }

    @Override
    public boolean available() {
        return false;
    }
}
