package dev.isr.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A real, if simple, {@link ResponseCache}: two maps. */
final class MapCache implements ResponseCache {

    final Map<String, CachedResponse> entries = new ConcurrentHashMap<>();
    final Map<String, VaryRule> rules = new ConcurrentHashMap<>();
    final EntryIndex index = new EntryIndex();
    boolean available = true;

    @Override
    public Optional<CachedResponse> get(CacheKey key) {
        return Optional.ofNullable(entries.get(key.value()));
    }

    @Override
    public VaryRule varyRule(String path) {
        return rules.getOrDefault(path, VaryRule.DEFAULT);
    }

    @Override
    public void put(CachedResponse response, VaryRule rule) {
        if (rule.isDefault()) {
            rules.remove(response.key().path());
        } else {
            rules.put(response.key().path(), rule);
        }
        entries.put(response.key().value(), response);
        index.add(response.key().value(), response.key().path(), response.tags(), response.body().length, 0, 1);
    }

    void put(CachedResponse response) {
        put(response, VaryRule.DEFAULT);
    }

    @Override
    public void putVaryRule(String path, VaryRule rule, java.time.Duration lifespan) {
        if (rule.isDefault()) {
            rules.remove(path);
        } else {
            rules.put(path, rule);
        }
    }

    @Override
    public void remove(CacheKey key) {
        entries.remove(key.value());
    }

    @Override
    public int removePath(String path) {
        int before = entries.size();
        entries.keySet().removeIf(k -> CacheKey.pathOf(k).equals(path));
        rules.remove(path);
        return before - entries.size();
    }

    @Override
    public int purge(PurgeRequest request, Instant now) {
        int purged = 0;
        for (String key : index.select(request)) {
            CachedResponse entry = entries.get(key);
            if (entry != null) {
                if (request.soft()) {
                    entries.put(key, entry.softPurged(now));
                } else {
                    entries.remove(key);
                    index.remove(key, 1);
                }
                purged++;
            }
        }
        return purged;
    }

    @Override
    public List<CachedResponse> select(PurgeRequest request) {
        return index.select(request).stream().map(entries::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public void recordRead(CacheKey key, Instant now) {
        index.read(key.value(), now.toEpochMilli());
    }

    @Override
    public EntryIndex index() {
        return index;
    }

    @Override
    public boolean available() {
        return available;
    }
}
