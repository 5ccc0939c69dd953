package dev.isr.core;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How long a stored response may be used, decided once when it is stored.
 *
 * @param freshFor how long after storing the entry is fresh
 * @param staleWhileRevalidate how long after expiry it may be served while one revalidation runs (RFC 5861)
 * @param staleIfError how long after expiry it may be served when rendering fails (RFC 5861)
 * @param neverServeStale {@code must-revalidate} / {@code proxy-revalidate}: the stale windows are ignored
 * @param sharedWithAuthorization the response said {@code public} or {@code s-maxage}, so it may answer requests
 *     that carry {@code Authorization} (RFC 9111 section 3.5)
 * @param durable kept in the persistent store, surviving restarts
 */
public record CachePolicy(
        Duration freshFor,
        Duration staleWhileRevalidate,
        Duration staleIfError,
        boolean neverServeStale,
        boolean sharedWithAuthorization,
        boolean durable) {

    public CachePolicy {
        requireNonNegative("freshFor", freshFor);
        requireNonNegative("staleWhileRevalidate", staleWhileRevalidate);
        requireNonNegative("staleIfError", staleIfError);
    }

    private static void requireNonNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    /**
     * The policy the directives describe, for a response that is storable. The caller has already checked that an
     * explicit freshness lifetime is present.
     *
     * @param strictSMaxAge whether {@code s-maxage} implies {@code proxy-revalidate} (RFC 9111 section 5.2.2.10)
     */
    static CachePolicy of(CacheControl directives, boolean strictSMaxAge) {
        return of(directives, strictSMaxAge, null);
    }

    /**
     * As {@link #of(CacheControl, boolean)}, with the lifetime {@code Expires} gives (null if none), which counts when
     * the directives give none ({@code s-maxage} and {@code max-age} win, RFC 9111 section 4.2.1).
     */
    static CachePolicy of(CacheControl directives, boolean strictSMaxAge, @Nullable Duration expiresLifetime) {
        long fresh = directives.sharedMaxAge();
        if (fresh == CacheControl.ABSENT) {
            if (expiresLifetime == null) {
                throw new IllegalArgumentException("no explicit freshness in " + directives);
            }
            fresh = Math.min(expiresLifetime.getSeconds(), CacheControl.MAX_DELTA_SECONDS);
        }
        boolean neverStale = directives.mustRevalidate()
                || directives.proxyRevalidate()
                || (strictSMaxAge && directives.sMaxAge() != CacheControl.ABSENT);
        return new CachePolicy(
                Duration.ofSeconds(fresh),
                secondsOrZero(directives.staleWhileRevalidate()),
                secondsOrZero(directives.staleIfError()),
                neverStale,
                directives.isPublic() || directives.sMaxAge() != CacheControl.ABSENT,
                directives.durable());
    }

    /**
     * The policy of a {@code no-cache} response that has validators: never fresh, never served stale, so every use
     * asks the application with its validators first, and a {@code 304} serves it ({@link Validators}).
     */
    static CachePolicy validatedBeforeEveryUse(CacheControl directives) {
        return new CachePolicy(
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                true,
                directives.isPublic() || directives.sMaxAge() != CacheControl.ABSENT,
                directives.durable());
    }

    private static Duration secondsOrZero(long seconds) {
        return seconds == CacheControl.ABSENT ? Duration.ZERO : Duration.ofSeconds(seconds);
    }

    /** How long after storing the entry is worth keeping at all: fresh time plus the longest stale window. */
    public Duration retainFor() {
        if (neverServeStale) {
            return freshFor;
        }
        Duration stale = staleWhileRevalidate.compareTo(staleIfError) >= 0 ? staleWhileRevalidate : staleIfError;
        return freshFor.plus(stale);
    }
}
