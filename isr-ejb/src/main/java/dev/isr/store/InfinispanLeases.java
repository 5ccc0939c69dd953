package dev.isr.store;

import dev.isr.core.Leases;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryExpired;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryRemoved;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;

/**
 * {@link Leases} in a replicated cache without persistence: {@code putIfAbsent} with a lifespan is atomic across the
 * cluster (the key's primary owner decides), and the lifespan ends the lease of a node that died. The value is the
 * holder: its node name and its cluster address, so that a node only releases its own leases even when two nodes
 * share a name (two Payara servers are both named {@code server} unless configured).
 */
@Listener(sync = true, observation = Listener.Observation.POST)
public class InfinispanLeases implements Leases {

    private final Cache<String, String> leases;
    private final String holder;
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    InfinispanLeases(Cache<String, String> leases, String holder) {
        this.leases = leases;
        this.holder = holder;
        leases.addListener(this);
    }

    @Override
    public CompletableFuture<Void> whenReleased(String key) {
        CompletableFuture<Void> released = waiting.computeIfAbsent(key, k -> new CompletableFuture<>());
        if (!isHeld(key)) {
            complete(key); // released before the future was registered
        }
        return released;
    }

    /** A lease ended anywhere in the cluster: wake this node's waiters. Only completes futures; never blocks. */
    @CacheEntryRemoved
    @CacheEntryExpired
    public void ended(CacheEntryEvent<String, String> event) {
        complete(event.getKey());
    }

    private void complete(String key) {
        CompletableFuture<Void> released = waiting.remove(key);
        if (released != null) {
            released.complete(null);
        }
    }

    @Override
    public boolean tryAcquire(String key, Duration lifespan) {
        return FailOpen.call(
                () -> leases.putIfAbsent(key, holder, lifespan.toMillis(), TimeUnit.MILLISECONDS) == null,
                true,
                e -> EntryLog.leaseTakeFailed(key, e));
    }

    @Override
    public boolean isHeld(String key) {
        return FailOpen.call(() -> leases.containsKey(key), false, e -> EntryLog.leaseReadFailed(key, e));
    }

    @Override
    public void release(String key) {
        FailOpen.run(() -> leases.remove(key, holder), e -> EntryLog.leaseReleaseFailed(key, e));
    }

    @Override
    public void hold(String key, Duration lifespan) {
        FailOpen.run(
                () -> leases.put(key, holder, lifespan.toMillis(), TimeUnit.MILLISECONDS),
                e -> EntryLog.leaseHoldFailed(key, e));
    }
}
