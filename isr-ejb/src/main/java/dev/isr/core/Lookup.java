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
     * @param notModified the request's validators match: answer {@code 304} (RFC 9110 section 15.4.5)
     */
    record Serve(CachedResponse entry, long ageSeconds, String cacheStatus, boolean withBody, boolean notModified)
            implements Lookup {
        public Serve {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(cacheStatus, "cacheStatus");
        }
    }

    /**
     * Let the application render; the capture filter then decides whether to store its response.
     *
     * @param key the key the request looked up (with the path's known vary rule), or null for other methods
     * @param path the raw request path, as the front door saw it
     * @param rawQuery the raw query string, or null
     * @param reason why the cache forwarded, for {@code Cache-Status}
     * @param detail the {@code detail=} token, or null
     * @param mayStore false when the response must not be stored whatever it says (cache unavailable, for example)
     * @param revalidation an authenticated revalidation request: its result replaces the entry
     * @param staleIfError a stale entry to answer with if the render fails (RFC 5861 section 4), or null
     */
    record Forward(CacheKey key, String path, String rawQuery, CacheStatus.Forward reason, String detail,
            boolean mayStore, boolean revalidation, CachedResponse staleIfError) implements Lookup {
        public Forward {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
            if (mayStore && key == null) {
                throw new IllegalArgumentException("a storable forward needs a key");
            }
        }

        /** A request that renders and may store: concurrent ones for the same key are collapsed into one render. */
        public boolean collapsible() {
            return mayStore && !revalidation;
        }
    }
}
