package dev.isr.store;

import dev.isr.core.CachedResponse;
import dev.isr.core.EntryIndex;
import java.time.Clock;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntriesEvicted;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryExpired;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryRemoved;
import org.infinispan.notifications.cachelistener.event.CacheEntriesEvictedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryExpiredEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryModifiedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryRemovedEvent;

/**
 * Keeps the {@link EntryIndex} in step with one entry cache, whatever changed it: a store, a replacement, a removal
 * or an expiry. Synchronous and after the fact, so that once a put returns the index already lists the key.
 */
@Listener(sync = true, observation = Listener.Observation.POST)
public class EntryIndexListener {

    private final EntryIndex index;
    private final EntryIndex.Holder source;
    private final Clock clock;

    /** @param source what this cache is to the index */
    EntryIndexListener(EntryIndex index, EntryIndex.Holder source, Clock clock) {
        this.index = index;
        this.source = source;
        this.clock = clock;
    }

    @CacheEntryCreated
    public void created(CacheEntryCreatedEvent<String, CachedResponse> event) {
        add(event.getKey(), event.getValue());
    }

    @CacheEntryModified
    public void modified(CacheEntryModifiedEvent<String, CachedResponse> event) {
        add(event.getKey(), event.getNewValue());
    }

    @CacheEntryRemoved
    public void removed(CacheEntryRemovedEvent<String, CachedResponse> event) {
        index.remove(event.getKey(), source);
    }

    @CacheEntryExpired
    public void expired(CacheEntryExpiredEvent<String, CachedResponse> event) {
        index.remove(event.getKey(), source);
    }

    /** Eviction from memory: gone for the memory-only cache, still on disk (so still indexed) for the durable one. */
    @CacheEntriesEvicted
    public void evicted(CacheEntriesEvictedEvent<String, CachedResponse> event) {
        if (source == EntryIndex.Holder.MEMORY) {
            event.getEntries().keySet().forEach(key -> index.remove(key, source));
        }
    }

    void add(String key, CachedResponse value) {
        if (value != null) {
            index.add(value, clock.millis(), source);
        }
    }
}
