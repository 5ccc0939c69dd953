package dev.isr.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Why the last render of a key was not stored (its {@code Cache-Status} detail), for the console's "why is this not
 * cached?": the {@value #CAPACITY} keys refused most recently, the oldest forgotten first, so that hostile URLs cannot
 * grow it; a key is forgotten once a render of it is stored. Off the hit path: only renders record. Thread-safe.
 */
public final class StoreRefusals {

    public static final int CAPACITY = 1000;

    /** A render of a key that was not stored, and why. */
    public record Refusal(String detail, Instant at) {}

    private final Map<String, Refusal> byKey = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Refusal> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Records that the render of {@code key} was not stored at {@code at}, for {@code detail}. */
    public synchronized void refused(CacheKey key, String detail, Instant at) {
        byKey.put(key.value(), new Refusal(detail, at));
    }

    /** Forgets {@code key}: a render of it was stored. */
    public synchronized void stored(CacheKey key) {
        byKey.remove(key.value());
    }

    /** Why the last render of {@code key} was not stored, or null if it was, or is not remembered. */
    public synchronized @Nullable Refusal last(CacheKey key) {
        return byKey.get(key.value());
    }

    /** How many keys are remembered. */
    public synchronized int size() {
        return byKey.size();
    }
}
