package dev.isr.store;

import dev.isr.core.CachedResponse;
import dev.isr.core.PurgeRecord;
import dev.isr.core.PurgeRequest;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryExpired;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryRemoved;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;

/**
 * The purge records ({@link PurgeRecord}) in a replicated, persistent cache: written synchronously by every purge,
 * so that when a purge returns every member has its records, and checked on every read, so that no node serves a
 * purged entry, whether or not the entry itself has been removed there yet (a node that was down during the purge
 * comes back with its old entries on disk; the records, transferred when it joins, hide them).
 *
 * <p>Prefix records are few and must be matched against every path, so a copy of them is kept in memory, fed by a
 * listener. Records live {@code retention} (entries older than that are evicted unread anyway).
 */
@Listener(sync = true, observation = Listener.Observation.POST)
public class PurgeRecords {

    private static final Logger LOG = System.getLogger(PurgeRecords.class.getName());

    private final Cache<String, PurgeRecord> records;
    private final Duration retention;
    private final Map<String, PurgeRecord> prefixes = new ConcurrentHashMap<>();

    PurgeRecords(Cache<String, PurgeRecord> records, Duration retention) {
        this.records = records;
        this.retention = retention;
    }

    /** Loads the prefix records already there and starts following changes. */
    void start() {
        records.addListener(this);
        records.forEach(this::track);
    }

    /** Records {@code request} at {@code atMillis} on every member; returns when all of them have it. */
    void record(PurgeRequest request, long atMillis) {
        if (request.all()) {
            write(PurgeRecord.ALL, request.soft(), atMillis);
        }
        for (String tag : request.tags()) {
            write(PurgeRecord.tagKey(tag), request.soft(), atMillis);
        }
        for (String path : request.paths()) {
            write(PurgeRecord.pathKey(path), request.soft(), atMillis);
        }
        for (String prefix : request.prefixes()) {
            write(PurgeRecord.prefixKey(prefix), request.soft(), atMillis);
        }
    }

    private void write(String key, boolean soft, long atMillis) {
        PurgeRecord current = records.get(key);
        PurgeRecord next = (current == null ? PurgeRecord.NONE : current).with(soft, atMillis);
        // a concurrent purge of the same key may win the race: both times only move forward, so merge and retry
        while (current == null ? records.putIfAbsent(key, next, retention.toMillis(), TimeUnit.MILLISECONDS) != null
                : !records.replace(key, current, next, retention.toMillis(), TimeUnit.MILLISECONDS)) {
            current = records.get(key);
            next = (current == null ? PurgeRecord.NONE : current).with(soft, atMillis);
        }
    }

    /** The purges that apply to {@code entry}, merged; {@link PurgeRecord#NONE} when none does. */
    PurgeRecord applying(CachedResponse entry) {
        try {
            PurgeRecord merged = get(PurgeRecord.ALL).merge(get(PurgeRecord.pathKey(entry.key().path())));
            for (String tag : entry.tags()) {
                merged = merged.merge(get(PurgeRecord.tagKey(tag)));
            }
            if (!prefixes.isEmpty()) {
                for (Map.Entry<String, PurgeRecord> prefix : prefixes.entrySet()) {
                    if (entry.key().path().startsWith(prefix.getKey())) {
                        merged = merged.merge(prefix.getValue());
                    }
                }
            }
            return merged;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ISR0106: reading purge records for " + entry.key() + " failed; the entry is"
                    + " treated as purged", e);
            return new PurgeRecord(Long.MAX_VALUE, 0);
        }
    }

    private PurgeRecord get(String key) {
        PurgeRecord record = records.get(key);
        return record == null ? PurgeRecord.NONE : record;
    }

    @CacheEntryCreated
    @CacheEntryModified
    public void changed(CacheEntryEvent<String, PurgeRecord> event) {
        track(event.getKey(), event.getValue());
    }

    @CacheEntryRemoved
    @CacheEntryExpired
    public void removed(CacheEntryEvent<String, PurgeRecord> event) {
        if (event.getKey().startsWith("x:")) {
            prefixes.remove(event.getKey().substring(2));
        }
    }

    private void track(String key, PurgeRecord record) {
        if (key.startsWith("x:") && record != null) {
            prefixes.merge(key.substring(2), record, PurgeRecord::merge);
        }
    }
}
