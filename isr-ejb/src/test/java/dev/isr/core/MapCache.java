package dev.isr.core;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A real, if simple, {@link ResponseCache}: two maps. */
final class MapCache implements ResponseCache {

    final Map<String, CachedResponse> entries = new ConcurrentHashMap<>();
    final Map<String, VaryRule> rules = new ConcurrentHashMap<>();
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
    }

    void put(CachedResponse response) {
        put(response, VaryRule.DEFAULT);
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
    public boolean available() {
        return available;
    }
}
