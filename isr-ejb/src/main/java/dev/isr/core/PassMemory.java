package dev.isr.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hit-for-pass: remembers for a while the keys whose last response was not storable ({@code private}, a session,
 * {@code no-store}, too large...), so that requests for them render at once instead of queueing behind one another's
 * render (collapsing) or taking a cluster-wide lease for a response that will not be shared anyway. A key that turns
 * storable again is forgotten when its response is stored.
 *
 * <p>Per node, bounded to {@link #MAX_KEYS} keys: past it, expired keys are dropped, and if that is not enough, all
 * of them (forgetting only costs a collapsed wait). Thread-safe; time is a parameter.
 */
public final class PassMemory {

    /** Upper bound on remembered keys, so that hostile URLs cannot grow it without limit. */
    public static final int MAX_KEYS = 10_000;

    private final Duration lifetime;
    private final ConcurrentHashMap<String, Instant> until = new ConcurrentHashMap<>();

    /** @param lifetime how long a key is remembered ({@code isr.hit-for-pass}); zero turns hit-for-pass off */
    public PassMemory(Duration lifetime) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative()) {
            throw new IllegalArgumentException("lifetime must not be negative: " + lifetime);
        }
    }

    /** Remembers that the response of {@code key} was not storable at {@code now}. */
    public void remember(CacheKey key, Instant now) {
        if (lifetime.isZero()) {
            return;
        }
        if (until.size() >= MAX_KEYS) {
            until.values().removeIf(end -> !end.isAfter(now));
            if (until.size() >= MAX_KEYS) {
                until.clear();
            }
        }
        until.put(key.value(), now.plus(lifetime));
    }

    /** Whether requests for {@code key} should render without collapsing at {@code now}. */
    public boolean isPass(CacheKey key, Instant now) {
        Instant end = until.get(key.value());
        if (end == null) {
            return false;
        }
        if (!end.isAfter(now)) {
            until.remove(key.value(), end);
            return false;
        }
        return true;
    }

    /** Forgets {@code key}: its response was stored. */
    public void forget(CacheKey key) {
        until.remove(key.value());
    }

    /** Keys remembered now, expired ones included until they are next looked at. */
    public int size() {
        return until.size();
    }
}
