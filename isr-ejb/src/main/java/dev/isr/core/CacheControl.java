package dev.isr.core;

import java.util.Locale;

/**
 * A parsed {@code Cache-Control} (or targeted {@code CDN-Cache-Control} / {@code Isr-Cache-Control}) field value.
 *
 * <p>Parsing never throws. Directive names are case-insensitive; delta-seconds arguments are accepted in token or
 * quoted-string form (RFC 9111 section 5.2); the first occurrence of a duplicated directive wins (section 4.2.1);
 * a value too large to represent is taken as 2<sup>31</sup> seconds (section 1.2.2). A negative, empty or
 * non-numeric delta-seconds argument, or an unterminated quoted string, makes the value {@linkplain #malformed()
 * malformed}: the module then neither stores the response nor serves it stale. Unknown directives are ignored.
 *
 * <p>Durations are in seconds; {@link #ABSENT} means the directive was not present.
 *
 * @param maxAge {@code max-age}
 * @param sMaxAge {@code s-maxage}
 * @param staleWhileRevalidate {@code stale-while-revalidate} (RFC 5861)
 * @param staleIfError {@code stale-if-error} (RFC 5861)
 * @param durable the ISR {@code durable} flag: keep the entry in the persistent store
 * @param visitorIndependent the ISR {@code visitor-independent} flag: together with {@code public}, the application
 *     vouches that the response is the same for every visitor, so it may be stored although its request had a
 *     session or a caller principal (see docs/security.md)
 * @param mustUnderstand {@code must-understand} (RFC 9111 section 5.2.2.3): store only a status code this cache
 *     understands, and then despite {@code no-store}
 */
public record CacheControl(
        long maxAge,
        long sMaxAge,
        long staleWhileRevalidate,
        long staleIfError,
        boolean isPublic,
        boolean isPrivate,
        boolean noStore,
        boolean noCache,
        boolean mustRevalidate,
        boolean proxyRevalidate,
        boolean durable,
        boolean malformed,
        boolean visitorIndependent,
        boolean mustUnderstand) {

    /** Marks a delta-seconds directive that was not present. */
    public static final long ABSENT = -1;

    /** What RFC 9111 section 1.2.2 says to use for a delta-seconds value that overflows. */
    public static final long MAX_DELTA_SECONDS = 2_147_483_648L;

    /** A value with no directives at all, as for an absent header. */
    public static final CacheControl EMPTY = new CacheControl(
            ABSENT, ABSENT, ABSENT, ABSENT, false, false, false, false, false, false, false, false, false, false);

    public CacheControl {
        requireDeltaOrAbsent("max-age", maxAge);
        requireDeltaOrAbsent("s-maxage", sMaxAge);
        requireDeltaOrAbsent("stale-while-revalidate", staleWhileRevalidate);
        requireDeltaOrAbsent("stale-if-error", staleIfError);
    }

    private static void requireDeltaOrAbsent(String name, long value) {
        if (value < ABSENT || value > MAX_DELTA_SECONDS) {
            throw new IllegalArgumentException(name + " must be ABSENT or 0.." + MAX_DELTA_SECONDS + ": " + value);
        }
    }

    /**
     * Parses one field value; {@code null} or blank gives {@link #EMPTY}. Several field lines of the same name must
     * be joined with {@code ", "} by the caller, as RFC 9110 section 5.3 allows.
     */
    public static CacheControl parse(String fieldValue) {
        if (fieldValue == null || fieldValue.isBlank()) {
            return EMPTY;
        }
        Builder builder = new Builder();
        DirectiveTokenizer tokenizer = new DirectiveTokenizer(fieldValue);
        while (tokenizer.next()) {
            builder.accept(tokenizer.name().toLowerCase(Locale.ROOT), tokenizer.argument(), tokenizer.quoted());
        }
        if (tokenizer.failed()) {
            builder.malformed = true;
        }
        return builder.build();
    }

    /** True when no directive at all was recognised: an absent, empty or entirely unknown field. */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** {@code s-maxage} if present, else {@code max-age}, else {@link #ABSENT}: the freshness a shared cache uses. */
    public long sharedMaxAge() {
        return sMaxAge != ABSENT ? sMaxAge : maxAge;
    }

    /** Collects directives; the first occurrence of each wins. Not thread-safe, used inside {@link #parse} only. */
    private static final class Builder {
        long maxAge = ABSENT;
        long sMaxAge = ABSENT;
        long staleWhileRevalidate = ABSENT;
        long staleIfError = ABSENT;
        boolean isPublic;
        boolean isPrivate;
        boolean noStore;
        boolean noCache;
        boolean mustRevalidate;
        boolean proxyRevalidate;
        boolean durable;
        boolean malformed;
        boolean visitorIndependent;
        boolean mustUnderstand;

        void accept(String name, String argument, boolean quoted) {
            switch (name) {
                case "max-age" -> maxAge = firstDelta(maxAge, argument);
                case "s-maxage" -> sMaxAge = firstDelta(sMaxAge, argument);
                case "stale-while-revalidate" -> staleWhileRevalidate = firstDelta(staleWhileRevalidate, argument);
                case "stale-if-error" -> staleIfError = firstDelta(staleIfError, argument);
                case "public" -> isPublic = true;
                // the qualified forms (private="Set-Cookie", no-cache="X") are treated as the unqualified ones:
                // this cache never stores a subset of a response's fields
                case "private" -> isPrivate = true;
                case "no-store" -> noStore = true;
                case "no-cache" -> noCache = true;
                case "must-revalidate" -> mustRevalidate = true;
                case "proxy-revalidate" -> proxyRevalidate = true;
                case "durable" -> durable = true;
                case "visitor-independent" -> visitorIndependent = true;
                case "must-understand" -> mustUnderstand = true;
                default -> {
                    // unknown directives are ignored (RFC 9111 section 5.2.3)
                }
            }
        }

        private long firstDelta(long current, String argument) {
            long parsed = DeltaSeconds.parse(argument);
            if (parsed == DeltaSeconds.INVALID) {
                malformed = true;
                return current;
            }
            return current == ABSENT ? parsed : current;
        }

        CacheControl build() {
            return new CacheControl(
                    maxAge,
                    sMaxAge,
                    staleWhileRevalidate,
                    staleIfError,
                    isPublic,
                    isPrivate,
                    noStore,
                    noCache,
                    mustRevalidate,
                    proxyRevalidate,
                    durable,
                    malformed,
                    visitorIndependent,
                    mustUnderstand);
        }
    }
}
