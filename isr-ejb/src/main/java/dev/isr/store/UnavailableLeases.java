package dev.isr.store;

import dev.isr.core.Leases;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The leases of a cache that could not start: always free, so every request renders itself. */
enum UnavailableLeases implements Leases {
    INSTANCE;

    @Override
    public boolean tryAcquire(String key, Duration lifespan) {
        return true;
    }

    @Override
    public boolean isHeld(String key) {
        return false;
    }

    @Override
    public void release(String key) {
        // nothing held
    }

    @Override
    public void hold(String key, Duration lifespan) {
        // nowhere to hold it
    }

    @Override
    public CompletableFuture<Void> whenReleased(String key) {
        return CompletableFuture.completedFuture(null);
    }
}
