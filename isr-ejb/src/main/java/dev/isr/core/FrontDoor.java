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

    private static final System.Logger LOG = System.getLogger(FrontDoor.class.getName());

    private final ResponseCache cache;
    private final CacheKeyFactory keys;
    private final CacheStatus cacheStatus;
    private final Revalidator revalidator;
    private final Predicate<String> revalidationToken;
    private final CacheStatistics statistics;
    private final PublicOrigins origins;
    private final PassMemory passes;

    /**
     * @param revalidationToken tells whether an {@code Isr-Revalidate} value is this node's secret; it must compare
     *     in constant time
     * @param origins the origins served from the cache
     * @param passes the keys recently found not storable (hit-for-pass)
     */
    public FrontDoor(
            ResponseCache cache,
            CacheKeyFactory keys,
            CacheStatus cacheStatus,
            Revalidator revalidator,
            Predicate<String> revalidationToken,
            CacheStatistics statistics,
            PublicOrigins origins,
            PassMemory passes) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.cacheStatus = Objects.requireNonNull(cacheStatus, "cacheStatus");
        this.revalidator = Objects.requireNonNull(revalidator, "revalidator");
        this.revalidationToken = Objects.requireNonNull(revalidationToken, "revalidationToken");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.origins = Objects.requireNonNull(origins, "origins");
        this.passes = Objects.requireNonNull(passes, "passes");
    }

    /**
     * A front door that only looks: it starts no revalidation, counts into statistics nobody reads, and takes every
     * request as a visitor's (no revalidation token is accepted). For explaining what the real one would answer (the
     * console); its look-ups still count as reads of the entries they find.
     */
    public static FrontDoor dryRun(
            ResponseCache cache,
            CacheKeyFactory keys,
            CacheStatus cacheStatus,
            PublicOrigins origins,
            PassMemory passes) {
        return new FrontDoor(
                cache, keys, cacheStatus, stale -> {}, token -> false, new CacheStatistics(), origins, passes);
    }

    /**
     * Decides how to answer {@code request}: from the cache, or by rendering (and how: may the result be stored,
     * collapsed, answered stale on error). A forwarded request names the canonical target the application must be
     * shown ({@link Lookup.Forward#target()}): nothing of the request that is not in its key.
     */
    public Lookup lookup(IncomingRequest request, Instant now) {
        String path = CanonicalPath.of(request.rawPath());
        String origin = request.origin() == null ? "" : request.origin().value();
        if (!request.isHead() && !"GET".equals(request.method())) {
            statistics.bypass("method");
            return Lookup.Forward.method(
                    new RequestTarget(origin, path == null ? request.rawPath() : path, request.rawQuery()));
        }
        RequestTarget asReceived = new RequestTarget(origin, path == null ? "/" : path, request.rawQuery());
        if (path == null) {
            log("{0}: not a canonical path, bypassed", request.rawPath());
            statistics.bypass("malformed-path");
            return Lookup.Forward.bypass(null, asReceived, "malformed-path");
        }
        if (!cache.available()) {
            statistics.bypass("cache-unavailable");
            return Lookup.Forward.bypass(null, asReceived, "cache-unavailable");
        }
        Origin revalidationOrigin = authenticatedRevalidation(request);
        if (revalidationOrigin != null) {
            return revalidation(revalidationOrigin, path, request);
        }
        if (!origins.allows(request.origin())) {
            log("{0}: origin {1} is not served from the cache", path, request.origin());
            statistics.bypass("unknown-origin");
            return Lookup.Forward.bypass(null, asReceived, "unknown-origin");
        }
        CacheKey key = cache.varyRule(path).keyFor(keys, asReceived, request.headers());
        return lookUp(key, asReceived, request, now);
    }

    /** An authenticated revalidation of {@code path} for {@code origin}: rendered, its result replaces the entry. */
    private Lookup revalidation(Origin origin, String path, IncomingRequest request) {
        RequestTarget target = new RequestTarget(origin.value(), path, request.rawQuery());
        CacheKey key = cache.varyRule(path).keyFor(keys, target, request.headers());
        log("{0}: authenticated revalidation, rendering", key);
        Lookup.Forward render = Lookup.Forward.render(
                        key, target, CacheStatus.Forward.REQUEST, null, cache.purgeEpoch())
                .withRevalidation();
        Optional<CachedResponse> current = cache.get(key);
        return current.isPresent() ? validating(render, current.get(), request) : render;
    }

    /** A visitor's request for {@code key}: a hit, or a render (a miss, a bypass, a stale entry to replace). */
    private Lookup lookUp(CacheKey key, RequestTarget asReceived, IncomingRequest request, Instant now) {
        Optional<CachedResponse> stored = cache.get(key);
        boolean head = request.isHead();
        if (stored.isEmpty()) {
            log("{0}: miss", key);
            statistics.miss();
            return rendering(key, asReceived, CacheStatus.Forward.URI_MISS, null, request, now);
        }
        CachedResponse entry = stored.get();
        if (request.hasCredentials() && !entry.policy().sharedWithAuthorization()) {
            log("{0}: request has credentials, entry is not public", key);
            statistics.bypass("authorization");
            return Lookup.Forward.withCredentials(key, asReceived, !head, cache.purgeEpoch());
        }
        Freshness freshness = Freshness.assess(entry, now);
        Lookup.Serve hit = hit(entry, freshness, request, now, true);
        if (hit != null) {
            return hit;
        }
        if (freshness == Freshness.STALE_IF_ERROR) {
            log("{0}: stale, rendering; the stale entry answers if that fails", key);
            statistics.miss();
            return validating(
                    rendering(key, asReceived, CacheStatus.Forward.STALE, entry, request, now), entry, request);
        }
        log("{0}: stale and unusable, rendering", key);
        statistics.miss();
        return validating(rendering(key, asReceived, CacheStatus.Forward.STALE, null, request, now), entry, request);
    }

    /**
     * {@code render} asking the application with the validators of the stale {@code entry}, so that a {@code 304}
     * refreshes it ({@link Validators}); unchanged when the response may not be stored, when the request has
     * preconditions of its own (its answer is then its own), or when the entry has no validators.
     */
    private static Lookup.Forward validating(Lookup.Forward render, CachedResponse entry, IncomingRequest request) {
        if (!render.mayStore()
                || Validators.isConditional(request.headers())
                || Validators.askingWhetherChanged(entry).isEmpty()) {
            return render;
        }
        return render.validating(entry);
    }

    /**
     * The answer from the cache alone, for a front door that cannot render (an Undertow handler before servlet
     * dispatch): a fresh hit, or a stale one within {@code stale-while-revalidate} (revalidated in the background),
     * as {@link #lookup} would give it, counted as answered before servlet dispatch besides. Empty for everything else,
     * which must then go to {@link #lookup}; nothing is counted or started for it. Requests for authenticated
     * revalidation always go to {@link #lookup}. The request's {@code principal} is true when one may exist.
     */
    public Optional<Lookup.Serve> answerFromStore(IncomingRequest request, Instant now) {
        EarlyAnswer answer = answerAlone(request, now, false);
        return Optional.ofNullable(answer.serve());
    }

    /**
     * {@link #answerFromStore} for a thread that must not wait (an I/O thread): answers fresh hits this node holds in
     * memory ({@link ResponseCache#getWithoutBlocking}), and stale hits within {@code stale-while-revalidate} whose
     * revalidation is already underway ({@link Revalidator#underway}); another stale hit is to be asked again from a
     * thread that may wait (its revalidation starts there); everything else is passed on, to
     * {@link #lookup} (which also reads the store).
     */
    public EarlyAnswer answerWithoutBlocking(IncomingRequest request, Instant now) {
        return answerAlone(request, now, true);
    }

    /**
     * What a front door before the application may do with a request, as {@link #answerWithoutBlocking} decides:
     * answer with {@link #serve}, or not ({@code serve} null) and then either ask {@link #answerFromStore} from a
     * thread that may wait ({@link #askFromWorker}) or pass the request on to {@link #lookup}.
     */
    /** Records how long a hit answered outside {@link #lookup} (before servlet dispatch) took, for the metrics. */
    public void answered(long nanos) {
        statistics.hitTook(nanos);
    }

    public record EarlyAnswer(Lookup.Serve serve, boolean askFromWorker) {

        static final EarlyAnswer PASS_ON = new EarlyAnswer(null, false);
        static final EarlyAnswer ASK_FROM_WORKER = new EarlyAnswer(null, true);
    }

    private EarlyAnswer answerAlone(IncomingRequest request, Instant now, boolean withoutBlocking) {
        if (!"GET".equals(request.method()) && !request.isHead()
                || request.headers().contains(IncomingRequest.REVALIDATE_FIELD)) {
            return EarlyAnswer.PASS_ON;
        }
        String path = CanonicalPath.of(request.rawPath());
        if (path == null || !cache.available() || !origins.allows(request.origin())) {
            return EarlyAnswer.PASS_ON;
        }
        RequestTarget target = new RequestTarget(request.origin().value(), path, request.rawQuery());
        CacheKey key = cache.varyRule(path).keyFor(keys, target, request.headers());
        Optional<CachedResponse> stored = withoutBlocking ? cache.getWithoutBlocking(key) : cache.get(key);
        if (stored.isEmpty()
                || request.hasCredentials() && !stored.get().policy().sharedWithAuthorization()) {
            return EarlyAnswer.PASS_ON;
        }
        Freshness freshness = Freshness.assess(stored.get(), now);
        if (withoutBlocking
                && freshness != Freshness.FRESH
                && !(freshness == Freshness.STALE_REVALIDATE && revalidator.underway(stored.get(), now))) {
            return freshness == Freshness.STALE_REVALIDATE ? EarlyAnswer.ASK_FROM_WORKER : EarlyAnswer.PASS_ON;
        }
        // without blocking, a stale hit is only answered when its revalidation is underway: none is started here
        Lookup.Serve hit = hit(stored.get(), freshness, request, now, !withoutBlocking);
        if (hit == null) {
            return EarlyAnswer.PASS_ON;
        }
        statistics.answeredBeforeServlet();
        return new EarlyAnswer(hit, false);
    }

    /**
     * A fresh hit, or a stale one within {@code stale-while-revalidate} (its revalidation started unless
     * {@code startsRevalidation} is false); else null.
     */
    private Lookup.Serve hit(
            CachedResponse entry,
            Freshness freshness,
            IncomingRequest request,
            Instant now,
            boolean startsRevalidation) {
        if (freshness == Freshness.FRESH) {
            log("{0}: fresh hit", entry.key());
            statistics.hit();
            return serve(entry, now, request.headers(), request.isHead(), null);
        }
        if (freshness == Freshness.STALE_REVALIDATE) {
            log("{0}: stale hit, revalidating in the background", entry.key());
            statistics.staleHit();
            if (startsRevalidation) {
                revalidator.revalidate(entry);
            }
            return serve(entry, now, request.headers(), request.isHead(), "stale-while-revalidate");
        }
        return null;
    }

    /** The origin of a revalidation whose token is this node's secret, else null (the request is a visitor's). */
    private Origin authenticatedRevalidation(IncomingRequest request) {
        String token = request.headers().combined(IncomingRequest.REVALIDATE_FIELD);
        if (token == null || request.isHead()) {
            return null;
        }
        if (!revalidationToken.test(token)) {
            LookupLog.wrongRevalidationToken(request.rawPath());
            return null;
        }
        String claimed = request.headers().combined(IncomingRequest.REVALIDATE_ORIGIN_FIELD);
        Origin origin = claimed == null ? request.origin() : Origin.parseOrNull(claimed);
        if (origin == null || !origins.allows(origin)) {
            LookupLog.revalidationForUnservedOrigin(request.rawPath(), claimed);
            return null;
        }
        return origin;
    }

    /**
     * A render that may be stored: collapsed with concurrent ones unless the request carries credentials (it may not
     * share what an anonymous render stores, nor the other way round), the key was recently found not storable
     * (hit-for-pass), or it is a HEAD request (answered from the GET entry, never stored).
     */
    private Lookup.Forward rendering(
            CacheKey key,
            RequestTarget target,
            CacheStatus.Forward reason,
            CachedResponse staleIfError,
            IncomingRequest request,
            Instant now) {
        Lookup.Forward render = Lookup.Forward.render(key, target, reason, staleIfError, cache.purgeEpoch());
        if (request.isHead()) {
            return render.withoutStoring(null);
        }
        if (request.hasCredentials()) {
            log("{0}: request has credentials, not collapsed", key);
            return render.withoutCollapsing();
        }
        if (passes.isPass(key, now)) {
            log("{0}: recently not storable (hit-for-pass), not collapsed", key);
            statistics.pass();
            return render.withoutCollapsing();
        }
        return render;
    }

    /** The answer with a stale entry after a failed render, within its {@code stale-if-error} window. */
    public Lookup.Serve serveStaleIfError(CachedResponse entry, Instant now, boolean withBody) {
        statistics.staleHit();
        statistics.staleIfError();
        return staleIfErrorAnswer(entry, now, withBody);
    }

    /** The answer of {@link #serveStaleIfError} without counting it: for an answer counted where it was decided. */
    public Lookup.Serve staleIfErrorAnswer(CachedResponse entry, Instant now, boolean withBody) {
        return new Lookup.Serve(
                entry,
                entry.ageSeconds(now),
                cacheStatus.hit(entry.ttlSeconds(now), "stale-if-error"),
                withBody,
                false);
    }

    /**
     * The answer after waiting for another request's render: what it stored, if it answers this request. Asked too by
     * a request that became the leader of its key, since a render may have ended between its look-up and its turn
     * (it found nothing fresh, so a fresh entry now was stored by that render). Only collapsible forwards wait, so
     * the request carries no credentials; the entry is read through the purge records like any other, so a render
     * that a purge overtook is not shared.
     */
    public Optional<Lookup.Serve> collapsedOnto(
            Lookup.Forward forward, HeaderLookup request, Instant now, boolean withBody) {
        CacheKey key = cache.varyRule(forward.path()).keyFor(keys, forward.target(), request);
        Optional<CachedResponse> stored = cache.get(key);
        if (stored.isEmpty() || Freshness.assess(stored.get(), now) != Freshness.FRESH) {
            log("{0}: no concurrent render stored what answers this request, rendering", key);
            return Optional.empty();
        }
        statistics.collapsed();
        CachedResponse entry = stored.get();
        cache.recordRead(entry.key(), now);
        return Optional.of(new Lookup.Serve(
                entry,
                entry.ageSeconds(now),
                cacheStatus.collapsed(forward.reason()),
                withBody,
                Preconditions.notModified(entry, request)));
    }

    private Lookup.Serve serve(CachedResponse entry, Instant now, HeaderLookup request, boolean head, String detail) {
        cache.recordRead(entry.key(), now);
        boolean notModified = Preconditions.notModified(entry, request);
        return new Lookup.Serve(
                entry,
                entry.ageSeconds(now),
                cacheStatus.hit(entry.ttlSeconds(now), detail),
                !head,
                notModified,
                notModified || head ? null : Preconditions.range(entry, request));
    }

    private static void log(String message, Object... args) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, message, args);
        }
    }
}
