package dev.isr.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The read path of the cache, independent of the server: given a request, decide whether a stored response answers
 * it. A Servlet filter adapts it today; an Undertow handler can adapt the same class.
 *
 * <p>Thread-safe if the {@link ResponseCache} is.
 */
public final class FrontDoor {

    private static final System.Logger LOG = System.getLogger(FrontDoor.class.getName());

    private final ResponseCache cache;
    private final CacheKeyFactory keys;
    private final CacheStatus cacheStatus;

    public FrontDoor(ResponseCache cache, CacheKeyFactory keys, CacheStatus cacheStatus) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.cacheStatus = Objects.requireNonNull(cacheStatus, "cacheStatus");
    }

    /**
     * @param method the request method
     * @param path the raw request path, including the context path
     * @param rawQuery the raw query string, or null
     * @param request the request header fields
     * @param now the current time
     */
    public Lookup lookup(String method, String path, String rawQuery, HeaderLookup request, Instant now) {
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            return new Lookup.Forward(null, CacheStatus.Forward.BYPASS, "method", false);
        }
        CacheKey key = keys.keyFor(path, rawQuery);
        if (!cache.available()) {
            return new Lookup.Forward(key, CacheStatus.Forward.BYPASS, "cache-unavailable", false);
        }
        Optional<CachedResponse> stored = cache.get(key);
        if (stored.isEmpty()) {
            log("{0}: miss", key);
            return new Lookup.Forward(key, CacheStatus.Forward.URI_MISS, null, !head);
        }
        CachedResponse entry = stored.get();
        if (request.contains("Authorization") && !entry.policy().sharedWithAuthorization()) {
            log("{0}: request has Authorization, entry is not public", key);
            return new Lookup.Forward(key, CacheStatus.Forward.BYPASS, "authorization", !head);
        }
        Freshness freshness = Freshness.assess(entry, now);
        if (freshness == Freshness.FRESH) {
            log("{0}: fresh hit", key);
            long ttl = entry.ttlSeconds(now);
            return new Lookup.Serve(entry, entry.ageSeconds(now), cacheStatus.hit(ttl, null), !head);
        }
        // stale entries are re-rendered in the foreground here; serving them stale needs background revalidation
        log("{0}: stored entry is {1}, forwarding", key, freshness);
        return new Lookup.Forward(key, CacheStatus.Forward.STALE, null, !head);
    }

    private static void log(String message, Object... args) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, message, args);
        }
    }
}
