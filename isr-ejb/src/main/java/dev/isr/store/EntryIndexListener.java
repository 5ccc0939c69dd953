package dev.isr.store;

import dev.isr.core.CacheKey;
import dev.isr.core.CachedResponse;
import dev.isr.core.EntryIndex;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryExpired;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryRemoved;
import org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryExpiredEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryModifiedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryRemovedEvent;

/**
 * Keeps the {@link EntryIndex} of one entry cache in step with it, whatever changed it: a store, a replacement, a
 * removal or an expiry. Synchronous and after the fact, so that once a put returns the index already lists the key.
 * Only keys are read: the path is part of the key.
 */
@Listener(sync = true, observation = Listener.Observation.POST)
public class EntryIndexListener {

    private final EntryIndex index;

    EntryIndexListener(EntryIndex index) {
        this.index = index;
    }

    @CacheEntryCreated
    public void created(CacheEntryCreatedEvent<String, CachedResponse> event) {
        index.add(event.getKey(), CacheKey.pathOf(event.getKey()));
    }

    @CacheEntryModified
    public void modified(CacheEntryModifiedEvent<String, CachedResponse> event) {
        index.add(event.getKey(), CacheKey.pathOf(event.getKey()));
    }

    @CacheEntryRemoved
    public void removed(CacheEntryRemovedEvent<String, CachedResponse> event) {
        index.remove(event.getKey());
    }

    @CacheEntryExpired
    public void expired(CacheEntryExpiredEvent<String, CachedResponse> event) {
        index.remove(event.getKey());
    }
}
