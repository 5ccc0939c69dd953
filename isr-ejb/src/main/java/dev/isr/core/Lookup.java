package dev.isr.core;

import java.util.Objects;

/** What the front door decided for one request: answer from the cache, or let the application render. */
public sealed interface Lookup {

    /**
     * Answer from the cache without running the application.
     *
     * @param entry the stored response
     * @param ageSeconds the value of the {@code Age} field
     * @param cacheStatus the value of the {@code Cache-Status} field
     * @param withBody false for {@code HEAD}
     */
    record Serve(CachedResponse entry, long ageSeconds, String cacheStatus, boolean withBody) implements Lookup {
        public Serve {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(cacheStatus, "cacheStatus");
        }
    }

    /**
     * Let the application render; the capture filter then decides whether to store its response.
     *
     * @param key the key the response would be stored under, or null when the request has none (other methods)
     * @param reason why the cache forwarded, for {@code Cache-Status}
     * @param detail the {@code detail=} token, or null
     * @param mayStore false when the response must not be stored whatever it says (cache unavailable, for example)
     */
    record Forward(CacheKey key, CacheStatus.Forward reason, String detail, boolean mayStore) implements Lookup {
        public Forward {
            Objects.requireNonNull(reason, "reason");
            if (mayStore && key == null) {
                throw new IllegalArgumentException("a storable forward needs a key");
            }
        }
    }
}
