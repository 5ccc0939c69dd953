package dev.isr.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The read path of the cache, independent of the server: given a request, decide whether a stored response answers
 * it. A Servlet filter adapts it today; an Undertow handler can adapt the same class.
 *
 * <p>Every branch logs one debug line saying why. Thread-safe if its collaborators are.
 */
public final class FrontDoor {

    /** The request field that marks an authenticated revalidation (contract section 5). */
    public static final String REVALIDATE_FIELD = "Isr-Revalidate";

    private static final System.Logger LOG = System.getLogger(FrontDoor.class.getName());

    private final ResponseCache cache;
    private final CacheKeyFactory keys;
    private final CacheStatus cacheStatus;
    private final Revalidator revalidator;
    private final Predicate<String> revalidationToken;
    private final CacheStatistics statistics;

    /**
     * @param revalidationToken tells whether an {@code Isr-Revalidate} value is this node's secret; it must compare
     *     in constant time
     */
    public FrontDoor(ResponseCache cache, CacheKeyFactory keys, CacheStatus cacheStatus, Revalidator revalidator,
            Predicate<String> revalidationToken, CacheStatistics statistics) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.cacheStatus = Objects.requireNonNull(cacheStatus, "cacheStatus");
        this.revalidator = Objects.requireNonNull(revalidator, "revalidator");
        this.revalidationToken = Objects.requireNonNull(revalidationToken, "revalidationToken");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
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
            statistics.bypass();
            return new Lookup.Forward(null, path, rawQuery, CacheStatus.Forward.METHOD, null, false, false, null);
        }
        if (!cache.available()) {
            statistics.bypass();
            return new Lookup.Forward(keys.keyFor(path, rawQuery), path, rawQuery, CacheStatus.Forward.BYPASS,
                    "cache-unavailable", false, false, null);
        }
        CacheKey key = cache.varyRule(path).keyFor(keys, path, rawQuery, request);
        String token = request.combined(REVALIDATE_FIELD);
        if (token != null && !head) {
            if (revalidationToken.test(token)) {
                log("{0}: authenticated revalidation, rendering", key);
                return new Lookup.Forward(key, path, rawQuery, CacheStatus.Forward.REQUEST, "revalidate", true, true,
                        null);
            }
            LOG.log(System.Logger.Level.WARNING, "ISR0201: {0}: Isr-Revalidate with a wrong token ignored", key);
        }
        Optional<CachedResponse> stored = cache.get(key);
        if (stored.isEmpty()) {
            log("{0}: miss", key);
            statistics.miss();
            return new Lookup.Forward(key, path, rawQuery, CacheStatus.Forward.URI_MISS, null, !head, false, null);
        }
        CachedResponse entry = stored.get();
        if (request.contains("Authorization") && !entry.policy().sharedWithAuthorization()) {
            log("{0}: request has Authorization, entry is not public", key);
            statistics.bypass();
            return new Lookup.Forward(key, path, rawQuery, CacheStatus.Forward.BYPASS, "authorization", !head, false,
                    null);
        }
        Freshness freshness = Freshness.assess(entry, now);
        switch (freshness) {
            case FRESH -> {
                log("{0}: fresh hit", key);
                statistics.hit();
                return serve(entry, now, request, head, null);
            }
            case STALE_REVALIDATE -> {
                log("{0}: stale hit, revalidating in the background", key);
                statistics.staleHit();
                revalidator.revalidate(entry);
                return serve(entry, now, request, head, "stale-while-revalidate");
            }
            case STALE_IF_ERROR -> {
                log("{0}: stale, rendering; the stale entry answers if that fails", key);
                statistics.miss();
                return new Lookup.Forward(key, path, rawQuery, CacheStatus.Forward.STALE, null, !head, false, entry);
            }
            default -> {
                log("{0}: stale and unusable, rendering", key);
                statistics.miss();
                return new Lookup.Forward(key, path, rawQuery, CacheStatus.Forward.STALE, null, !head, false, null);
            }
        }
    }

    /** The answer with a stale entry after a failed render, within its {@code stale-if-error} window. */
    public Lookup.Serve serveStaleIfError(CachedResponse entry, Instant now, boolean withBody) {
        statistics.staleHit();
        return new Lookup.Serve(entry, entry.ageSeconds(now), cacheStatus.hit(entry.ttlSeconds(now), "stale-if-error"),
                withBody, false);
    }

    /** The answer after waiting for another request's render: what it stored, if it answers this request. */
    public Optional<Lookup.Serve> collapsedOnto(Lookup.Forward forward, HeaderLookup request, Instant now,
            boolean withBody) {
        CacheKey key = cache.varyRule(forward.path()).keyFor(keys, forward.path(), forward.rawQuery(), request);
        Optional<CachedResponse> stored = cache.get(key);
        if (stored.isEmpty() || Freshness.assess(stored.get(), now) != Freshness.FRESH) {
            log("{0}: the collapsed render stored nothing usable, rendering", key);
            return Optional.empty();
        }
        statistics.collapsed();
        CachedResponse entry = stored.get();
        cache.recordRead(entry.key(), now);
        return Optional.of(new Lookup.Serve(entry, entry.ageSeconds(now), cacheStatus.collapsed(forward.reason()),
                withBody, Preconditions.notModified(entry, request)));
    }

    private Lookup.Serve serve(CachedResponse entry, Instant now, HeaderLookup request, boolean head, String detail) {
        cache.recordRead(entry.key(), now);
        return new Lookup.Serve(entry, entry.ageSeconds(now), cacheStatus.hit(entry.ttlSeconds(now), detail), !head,
                Preconditions.notModified(entry, request));
    }

    private static void log(String message, Object... args) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, message, args);
        }
    }
}
