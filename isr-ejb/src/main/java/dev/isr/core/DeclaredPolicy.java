package dev.isr.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A cache policy declared in code ({@code @Isr}, {@code IsrContext}) instead of header fields, and its translation
 * into the fields the {@link CaptureRules} read: one set of rules for both styles.
 *
 * <p>{@link #fields} gives {@code Isr-Cache-Control}, {@code Isr-Cache-Tag} and {@code Isr-Vary} for what was
 * declared, each only where the application did not set the corresponding fields itself: explicit header fields win
 * over the declaration. {@link #uncacheable()} is not a field: the capture rules turn it into a bypass whatever the
 * fields say.
 *
 * <p>Durations are whole seconds (HTTP's delta-seconds), zero or more.
 *
 * @param maxAge shared freshness ({@code s-maxage}), or null: without it no directives field is produced
 * @param staleWhileRevalidate {@code stale-while-revalidate}, or null
 * @param staleIfError {@code stale-if-error}, or null
 * @param durable keep the entry in the persistent store
 * @param strict never serve it stale after {@code maxAge} ({@code proxy-revalidate})
 * @param tags tags in first-declared order without duplicates; not validated here (the capture rules drop and report
 *     invalid ones, as for header fields)
 * @param varyQuery the query parameters of the cache key, or null for all of them (the default)
 * @param varyHeaders request header fields of the cache key
 * @param varyCookies request cookies of the cache key
 * @param uncacheable why the response must not be stored, a token reported as {@code Cache-Status} detail, or null
 */
public record DeclaredPolicy(
        @Nullable Duration maxAge,
        @Nullable Duration staleWhileRevalidate,
        @Nullable Duration staleIfError,
        boolean durable,
        boolean strict,
        List<String> tags,
        @Nullable List<String> varyQuery,
        List<String> varyHeaders,
        List<String> varyCookies,
        @Nullable String uncacheable) {

    /** Nothing declared: {@link #fields} is empty and nothing is decided. */
    public static final DeclaredPolicy NONE =
            new DeclaredPolicy(null, null, null, false, false, List.of(), null, List.of(), List.of(), null);

    /** Upper bound on the length of an {@link #uncacheable} reason. */
    public static final int MAX_REASON_LENGTH = 64;

    public DeclaredPolicy {
        requireDeltaSeconds("maxAge", maxAge);
        requireDeltaSeconds("staleWhileRevalidate", staleWhileRevalidate);
        requireDeltaSeconds("staleIfError", staleIfError);
        tags = List.copyOf(new LinkedHashSet<>(tags));
        varyQuery = varyQuery == null ? null : List.copyOf(varyQuery);
        varyHeaders = List.copyOf(varyHeaders);
        varyCookies = List.copyOf(varyCookies);
        if (uncacheable != null && !isReason(uncacheable)) {
            throw new IllegalArgumentException("uncacheable reason must be a token of 1.." + MAX_REASON_LENGTH
                    + " characters (letters, digits, -._~ and the like, starting with a letter): '"
                    + Tags.forLog(uncacheable) + "'");
        }
    }

    /** Whether {@code duration} can be a delta-seconds directive argument; null counts as absent, so valid. */
    public static boolean isDeltaSeconds(Duration duration) {
        return duration == null
                || (!duration.isNegative()
                        && duration.getNano() == 0
                        && duration.getSeconds() <= CacheControl.MAX_DELTA_SECONDS);
    }

    private static void requireDeltaSeconds(String name, Duration duration) {
        if (!isDeltaSeconds(duration)) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds, 0 or more: " + duration);
        }
    }

    /** Whether {@code reason} may be an {@link #uncacheable} reason: a {@code Cache-Status} detail token. */
    public static boolean isReason(String reason) {
        return reason != null && reason.length() <= MAX_REASON_LENGTH && CacheStatus.isToken(reason);
    }

    public DeclaredPolicy withMaxAge(Duration value) {
        return new DeclaredPolicy(
                Objects.requireNonNull(value, "maxAge"),
                staleWhileRevalidate,
                staleIfError,
                durable,
                strict,
                tags,
                varyQuery,
                varyHeaders,
                varyCookies,
                uncacheable);
    }

    public DeclaredPolicy withStaleWhileRevalidate(Duration value) {
        return new DeclaredPolicy(
                maxAge,
                Objects.requireNonNull(value, "staleWhileRevalidate"),
                staleIfError,
                durable,
                strict,
                tags,
                varyQuery,
                varyHeaders,
                varyCookies,
                uncacheable);
    }

    public DeclaredPolicy withStaleIfError(Duration value) {
        return new DeclaredPolicy(
                maxAge,
                staleWhileRevalidate,
                Objects.requireNonNull(value, "staleIfError"),
                durable,
                strict,
                tags,
                varyQuery,
                varyHeaders,
                varyCookies,
                uncacheable);
    }

    public DeclaredPolicy withDurable(boolean value) {
        return new DeclaredPolicy(
                maxAge,
                staleWhileRevalidate,
                staleIfError,
                value,
                strict,
                tags,
                varyQuery,
                varyHeaders,
                varyCookies,
                uncacheable);
    }

    /** The tags so far, then {@code added}. */
    public DeclaredPolicy withTags(List<String> added) {
        List<String> all = new ArrayList<>(tags);
        all.addAll(added);
        return new DeclaredPolicy(
                maxAge,
                staleWhileRevalidate,
                staleIfError,
                durable,
                strict,
                all,
                varyQuery,
                varyHeaders,
                varyCookies,
                uncacheable);
    }

    /** Marked uncacheable; the first reason given is kept. */
    public DeclaredPolicy withUncacheable(String reason) {
        String kept = uncacheable != null ? uncacheable : reason;
        return new DeclaredPolicy(
                maxAge,
                staleWhileRevalidate,
                staleIfError,
                durable,
                strict,
                tags,
                varyQuery,
                varyHeaders,
                varyCookies,
                Objects.requireNonNull(kept, "reason"));
    }

    /**
     * This policy after another {@code @Isr} method ran in the same request (a resource calling an annotated
     * service): {@code next} replaces lifetimes, flags and vary; tags add up; an uncacheable mark stays.
     */
    public DeclaredPolicy followedBy(DeclaredPolicy next) {
        List<String> all = new ArrayList<>(tags);
        all.addAll(next.tags);
        return new DeclaredPolicy(
                next.maxAge,
                next.staleWhileRevalidate,
                next.staleIfError,
                next.durable,
                next.strict,
                all,
                next.varyQuery,
                next.varyHeaders,
                next.varyCookies,
                uncacheable != null ? uncacheable : next.uncacheable);
    }

    /**
     * The {@code Isr-*} fields to add to a response whose fields, as the application set them, are
     * {@code explicit}. A field is left out when the application set its own:
     * <ul>
     * <li>{@code Isr-Cache-Control}, when the response has {@code Isr-Cache-Control}, {@code CDN-Cache-Control}, or a
     * {@code Cache-Control} with {@code s-maxage}, {@code max-age}, {@code no-store}, {@code private} or
     * {@code no-cache}; and when no {@link #maxAge} was declared;</li>
     * <li>{@code Isr-Cache-Tag}, when the response has {@code Isr-Cache-Tag}, {@code Cache-Tag} or
     * {@code Surrogate-Key}, or no tag was declared;</li>
     * <li>{@code Isr-Vary}, when the response has {@code Isr-Vary}, or the declared vary is the default (every query
     * parameter, no header, no cookie). A standard {@code Vary} applies in addition, as always.</li>
     * </ul>
     */
    public List<Header> fields(HeaderLookup explicit) {
        List<Header> fields = new ArrayList<>(3);
        if (maxAge != null && !hasExplicitDirectives(explicit)) {
            fields.add(new Header(DirectiveSource.ISR_CACHE_CONTROL, directives()));
        }
        if (!tags.isEmpty()
                && !explicit.contains("Isr-Cache-Tag")
                && !explicit.contains("Cache-Tag")
                && !explicit.contains("Surrogate-Key")) {
            fields.add(new Header("Isr-Cache-Tag", String.join(", ", tags)));
        }
        if (!isDefaultVary() && !explicit.contains(ResponseStorability.ISR_VARY)) {
            fields.add(new Header(ResponseStorability.ISR_VARY, vary()));
        }
        return fields;
    }

    /** Whether the application's own fields already say how this cache may keep the response. */
    static boolean hasExplicitDirectives(HeaderLookup explicit) {
        if (explicit.contains(DirectiveSource.ISR_CACHE_CONTROL)
                || explicit.contains(DirectiveSource.CDN_CACHE_CONTROL)) {
            return true;
        }
        String cacheControl = explicit.combined(DirectiveSource.CACHE_CONTROL);
        if (cacheControl == null) {
            return false;
        }
        CacheControl parsed = CacheControl.parse(cacheControl);
        return parsed.sMaxAge() != CacheControl.ABSENT
                || parsed.maxAge() != CacheControl.ABSENT
                || parsed.noStore()
                || parsed.isPrivate()
                || parsed.noCache();
    }

    private String directives() {
        StringBuilder value = new StringBuilder("s-maxage=").append(maxAge.getSeconds());
        if (staleWhileRevalidate != null) {
            value.append(", stale-while-revalidate=").append(staleWhileRevalidate.getSeconds());
        }
        if (staleIfError != null) {
            value.append(", stale-if-error=").append(staleIfError.getSeconds());
        }
        if (durable) {
            value.append(", durable");
        }
        if (strict) {
            value.append(", proxy-revalidate");
        }
        return value.toString();
    }

    private boolean isDefaultVary() {
        return varyQuery == null && varyHeaders.isEmpty() && varyCookies.isEmpty();
    }

    private String vary() {
        List<String> parts = new ArrayList<>(3);
        if (varyQuery != null) {
            parts.add("query=" + String.join("|", varyQuery));
        }
        if (!varyCookies.isEmpty()) {
            parts.add("cookie=" + String.join("|", varyCookies));
        }
        if (!varyHeaders.isEmpty()) {
            parts.add("header=" + String.join("|", varyHeaders));
        }
        return String.join(", ", parts);
    }
}
