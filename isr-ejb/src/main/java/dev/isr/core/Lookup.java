package dev.isr.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
     * @param range the part of the body the request asked for ({@code 206} or {@code 416}), or null for all of it
     */
    record Serve(
            CachedResponse entry,
            long ageSeconds,
            String cacheStatus,
            boolean withBody,
            boolean notModified,
            @Nullable ByteRange range)
            implements Lookup {

        /** The status of a {@code 304 Not Modified} answer. */
        public static final int NOT_MODIFIED = 304;

        /**
         * The stored fields a {@code 304} repeats (RFC 9110 section 15.4.5): those a cache uses to update its stored
         * response. {@code Last-Modified} only helps when there is no {@code ETag}, which this module always adds.
         */
        private static final Set<String> NOT_MODIFIED_FIELDS =
                Set.of("cache-control", "cdn-cache-control", "content-location", "etag", "expires", "vary");

        /** The status of a partial answer, and of one whose range selects nothing. */
        public static final int PARTIAL_CONTENT = 206;

        public static final int RANGE_NOT_SATISFIABLE = 416;

        public Serve {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(cacheStatus, "cacheStatus");
            if (range != null && (notModified || range.length() != entry.body().length)) {
                throw new IllegalArgumentException("a range is of a whole body, never of a 304");
            }
        }

        /** The whole entry, or its 304. */
        public Serve(CachedResponse entry, long ageSeconds, String cacheStatus, boolean withBody, boolean notModified) {
            this(entry, ageSeconds, cacheStatus, withBody, notModified, null);
        }

        /**
         * The status to answer with: {@code 304} for a conditional request whose validators match, {@code 206} or
         * {@code 416} for a range, else the entry's.
         */
        public int status() {
            if (notModified) {
                return NOT_MODIFIED;
            }
            if (range != null) {
                return range.unsatisfiable() ? RANGE_NOT_SATISFIABLE : PARTIAL_CONTENT;
            }
            return entry.status();
        }

        /** The first byte of the body the answer carries. */
        public int contentOffset() {
            return range == null || range.unsatisfiable() ? 0 : (int) range.first();
        }

        /** How many bytes of the body the answer carries ({@code Content-Length}). */
        public int contentLength() {
            return range == null ? entry.body().length : (int) range.size();
        }

        /**
         * Whether the stored field {@code name} is sent: every stored field, or on a {@code 304} those it repeats.
         * {@code Age} and {@code Cache-Status} are sent besides ({@link #ageSeconds}, {@link #cacheStatus}).
         */
        public boolean sends(String name) {
            return !notModified || NOT_MODIFIED_FIELDS.contains(name.toLowerCase(Locale.ROOT));
        }

        /** Whether {@code Content-Length} and the body (unless {@link #withBody} is false) are sent: not on a 304. */
        public boolean sendsContent() {
            return !notModified;
        }
    }

    /**
     * Let the application render; the capture filter then decides whether to store its response. Made by the named
     * constructors ({@link #render}, {@link #bypass}, {@link #withCredentials}, {@link #method}) and refined by the {@code with...} methods.
     *
     * @param key the key the request looked up (with the path's known vary rule), or null when it was not looked up
     * @param target the canonical origin, path and raw query: what the application is shown
     * @param reason why the cache forwarded, for {@code Cache-Status}
     * @param detail the {@code detail=} token, or null
     * @param mayStore false when the response must not be stored whatever it says (cache unavailable, HEAD...)
     * @param revalidation an authenticated revalidation request: its result replaces the entry
     * @param collapsible concurrent requests for the same key may wait for this one's render and share its result
     * @param staleIfError a stale entry to answer with if the render fails (RFC 5861 section 4), or null
     * @param renderEpoch the purge epoch when the render started ({@link ResponseCache#purgeEpoch()}): a purge that
     *     comes later hides what this render stores
     * @param validating a stored entry whose validators the application is asked with ({@link Validators}): its
     *     {@code 304} refreshes that entry instead of sending a body (RFC 9111 section 4.3); null to ask without
     */
    record Forward(
            @Nullable CacheKey key,
            RequestTarget target,
            CacheStatus.Forward reason,
            @Nullable String detail,
            boolean mayStore,
            boolean revalidation,
            boolean collapsible,
            @Nullable CachedResponse staleIfError,
            long renderEpoch,
            @Nullable CachedResponse validating)
            implements Lookup {
        public Forward {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(reason, "reason");
            Require.argument(!mayStore || key != null, "a storable forward needs a key");
            Require.argument(
                    !collapsible || mayStore && !revalidation, "only a storable first render can be collapsed");
        }

        /** A render whose response may be stored under {@code key}, collapsible until refined otherwise. */
        public static Forward render(
                CacheKey key,
                RequestTarget target,
                CacheStatus.Forward reason,
                CachedResponse staleIfError,
                long renderEpoch) {
            return new Forward(
                    Objects.requireNonNull(key, "key"),
                    target,
                    reason,
                    null,
                    true,
                    false,
                    true,
                    staleIfError,
                    renderEpoch,
                    null);
        }

        /** The cache is not used for this request: nothing is served from it, nothing stored. */
        public static Forward bypass(CacheKey key, RequestTarget target, String detail) {
            return new Forward(
                    key,
                    target,
                    CacheStatus.Forward.BYPASS,
                    Objects.requireNonNull(detail, "detail"),
                    false,
                    false,
                    false,
                    null,
                    0,
                    null);
        }

        /**
         * A request with credentials for an entry not shared with them (RFC 9111 section 3.5): rendered for this
         * visitor alone (a bypass, never collapsed onto another request); its response replaces the entry only if it
         * says it may be shared ({@code public}, {@code s-maxage}) and {@code mayStore} (false for {@code HEAD}).
         */
        public static Forward withCredentials(CacheKey key, RequestTarget target, boolean mayStore, long renderEpoch) {
            return new Forward(
                    Require.nonNull(key, "key"),
                    target,
                    CacheStatus.Forward.BYPASS,
                    "authorization",
                    mayStore,
                    false,
                    false,
                    null,
                    renderEpoch,
                    null);
        }

        /** A method other than GET and HEAD: passed on; if unsafe and successful, it invalidates the path. */
        public static Forward method(RequestTarget target) {
            return new Forward(null, target, CacheStatus.Forward.METHOD, null, false, false, false, null, 0, null);
        }

        /** This render is an authenticated revalidation: its result replaces the entry, nobody waits for it. */
        public Forward withRevalidation() {
            return new Forward(
                    key,
                    target,
                    CacheStatus.Forward.REQUEST,
                    "revalidate",
                    mayStore,
                    true,
                    false,
                    staleIfError,
                    renderEpoch,
                    validating);
        }

        /** Renders on its own: nobody waits for it, and it waits for nobody. */
        public Forward withoutCollapsing() {
            return new Forward(
                    key, target, reason, detail, mayStore, revalidation, false, staleIfError, renderEpoch, validating);
        }

        /** Its response is not stored (a HEAD request), though the key was looked up. */
        public Forward withoutStoring(String why) {
            return new Forward(
                    key, target, reason, why, false, revalidation, false, staleIfError, renderEpoch, validating);
        }

        /**
         * The application is asked with the validators of {@code entry} (a stale entry of this key): a {@code 304}
         * refreshes it. Only for a render whose response may be stored.
         */
        public Forward validating(CachedResponse entry) {
            if (!mayStore) {
                throw new IllegalStateException("only a storable render can refresh an entry");
            }
            return new Forward(
                    key,
                    target,
                    reason,
                    detail,
                    mayStore,
                    revalidation,
                    collapsible,
                    staleIfError,
                    renderEpoch,
                    Objects.requireNonNull(entry, "entry"));
        }

        /** The canonical path, for invalidations and logs. */
        public String path() {
            return target.path();
        }
    }
}
