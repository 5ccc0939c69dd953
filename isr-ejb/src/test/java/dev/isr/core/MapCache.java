package dev.isr.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real, if simple, {@link ResponseCache}: maps, with purge records and a purge epoch that follow the same rule as the
 * Infinispan store ({@link PurgeRecord#verdictFor(long, long, long)}): a purge advances the epoch and records it, a
 * read hides or marks stale what the records say, a put of an entry purged while it rendered is refused.
 */
final class MapCache implements ResponseCache {

    final Map<String, CachedResponse> entries = new ConcurrentHashMap<>();
    final Map<String, VaryRule> rules = new ConcurrentHashMap<>();
    final Map<String, PurgeRecord> records = new ConcurrentHashMap<>();
    final AtomicLong epoch = new AtomicLong(1);
    final EntryIndex index = new EntryIndex();
    boolean available = true;
    /** Keys whose entries a read without blocking does not find, as if evicted to the store. */
    final java.util.Set<String> onDiskOnly = new java.util.HashSet<>();
    /** The reading node's present, which record times are clamped to; the far future unless a test sets it. */
    long nowMillis = Instant.parse("9999-12-31T00:00:00Z").toEpochMilli();

    @Override
    public Optional<CachedResponse> getWithoutBlocking(CacheKey key) {
        return onDiskOnly.contains(key.value()) ? Optional.empty() : get(key);
    }

    @Override
    public Optional<CachedResponse> get(CacheKey key) {
        CachedResponse entry = entries.get(key.value());
        if (entry == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(applying(entry).applyTo(entry, Instant.ofEpochMilli(nowMillis)));
    }

    PurgeRecord applying(CachedResponse entry) {
        PurgeRecord merged = PurgeRecord.NONE;
        for (String k : PurgeRecord.exactKeysFor(entry)) {
            merged = merged.merge(records.getOrDefault(k, PurgeRecord.NONE));
        }
        for (Map.Entry<String, PurgeRecord> record : records.entrySet()) {
            String prefix = PurgeRecord.prefixOf(record.getKey());
            if (prefix != null && entry.key().path().startsWith(prefix)) {
                merged = merged.merge(record.getValue());
            }
        }
        return merged;
    }

    @Override
    public VaryRule varyRule(String path) {
        return rules.getOrDefault(path, VaryRule.DEFAULT);
    }

    @Override
    public boolean put(CachedResponse response, VaryRule rule) {
        if (applying(response).verdictFor(response, Instant.ofEpochMilli(nowMillis)) == PurgeRecord.PurgeVerdict.HARD) {
            return false;
        }
        if (rule.isDefault()) {
            rules.remove(response.key().path());
        } else {
            rules.put(response.key().path(), rule);
        }
        entries.put(response.key().value(), response);
        index.add(
                response.key().value(),
                response.key().path(),
                response.tags(),
                response.body().length,
                0,
                EntryIndex.Holder.MEMORY);
        return true;
    }

    boolean put(CachedResponse response) {
        return put(response, VaryRule.DEFAULT);
    }

    @Override
    public long purgeEpoch() {
        return epoch.get();
    }

    @Override
    public void putVaryRule(String path, VaryRule rule, Duration lifespan) {
        if (rule.isDefault()) {
            rules.remove(path);
        } else {
            rules.put(path, rule);
        }
    }

    @Override
    public void remove(CacheKey key) {
        entries.remove(key.value());
        index.remove(key.value(), EntryIndex.Holder.MEMORY);
    }

    @Override
    public int removePath(String path) {
        int removed = 0;
        for (String k : List.copyOf(entries.keySet())) {
            if (CacheKey.pathOf(k).equals(path) && entries.remove(k) != null) {
                index.remove(k, EntryIndex.Holder.MEMORY);
                removed++;
            }
        }
        rules.remove(path);
        return removed;
    }

    @Override
    public int purge(PurgeRequest request, Instant now) {
        long purgeEpoch = epoch.incrementAndGet();
        for (String k : PurgeRecord.keysOf(request)) {
            records.merge(k, PurgeRecord.NONE.with(request.soft(), now.toEpochMilli(), purgeEpoch), PurgeRecord::merge);
        }
        int purged = 0;
        for (String key : index.select(request)) {
            if (entries.containsKey(key)) {
                if (!request.soft()) {
                    entries.remove(key);
                    index.remove(key, EntryIndex.Holder.MEMORY);
                }
                purged++;
            }
        }
        return purged;
    }

    @Override
    public List<CachedResponse> select(PurgeRequest request) {
        return index.select(request).stream()
                .map(entries::get)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    @Override
    public void recordRead(CacheKey key, Instant now) {
        index.read(key.value(), now.toEpochMilli());
    }

    @Override
    public EntryListing index() {
        return index;
    }

    @Override
    public boolean available() {
        return available;
    }
}
