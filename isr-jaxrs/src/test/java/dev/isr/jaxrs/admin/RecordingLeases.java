package dev.isr.jaxrs.admin;

import dev.isr.core.Leases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@link Leases} in a map that records every {@code tryAcquire}, so tests can say what reached the replay store. Leases
 * never expire here; {@code failOpen} answers every {@code tryAcquire} with true, as the real leases do while their
 * store is down.
 */
final class RecordingLeases implements Leases {

    record Acquisition(String key, Duration lifespan) {}

    final List<Acquisition> acquisitions = new ArrayList<>();
    private final Map<String, Duration> held = new HashMap<>();
    private final boolean failOpen;

    RecordingLeases(boolean failOpen) {
        this.failOpen = failOpen;
    }

    @Override
    public boolean tryAcquire(String key, Duration lifespan) {
        acquisitions.add(new Acquisition(key, lifespan));
        return held.putIfAbsent(key, lifespan) == null || failOpen;
    }

    @Override
    public boolean isHeld(String key) {
        return held.containsKey(key);
    }

    @Override
    public void release(String key) {
        held.remove(key);
    }

    @Override
    public void hold(String key, Duration lifespan) {
        held.put(key, lifespan);
    }

    @Override
    public CompletableFuture<Void> whenReleased(String key) {
        return isHeld(key) ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
    }
}
