package dev.isr.core;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@code Cache-Status} field value of RFC 9211 for this cache's hop.
 *
 * <p>Forms produced: {@code isr; hit; ttl=42}, {@code isr; hit; ttl=-5; detail=stale-while-revalidate},
 * {@code isr; fwd=uri-miss; stored}, {@code isr; fwd=bypass; detail=private}. The cache name is a token; the detail
 * a token of this module's vocabulary, so neither needs quoting.
 */
public final class CacheStatus {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z*][A-Za-z0-9!#$%&'*+.^_`|~:/-]*");

    private final String cacheName;
    /** The start of every hit's value, made once: a hit is answered far more often than anything else. */
    private final String hitPrefix;

    public CacheStatus(String cacheName) {
        Objects.requireNonNull(cacheName, "cacheName");
        if (!TOKEN.matcher(cacheName).matches()) {
            throw new IllegalArgumentException("cache name must be an RFC 8941 token: '" + cacheName + "'");
        }
        this.cacheName = cacheName;
        this.hitPrefix = cacheName + "; hit; ttl=";
    }

    /** Why the request went to the application (RFC 9211 section 2.2). */
    public enum Forward {
        /** The cache was not used: it is unavailable, or the request may not be answered from it. */
        BYPASS("bypass"),
        /** The request method must go to the application. */
        METHOD("method"),
        /** No stored response for the request. */
        URI_MISS("uri-miss"),
        /** A stored response exists but cannot be used: the request demands a fresh one (revalidation). */
        REQUEST("request"),
        /** The stored response was stale and had to be rendered again. */
        STALE("stale");

        private final String token;

        Forward(String token) {
            this.token = token;
        }
    }

    /** Whether {@code text} is a token of RFC 8941, as a cache name or a detail must be. */
    public static boolean isToken(String text) {
        return text != null && TOKEN.matcher(text).matches();
    }

    /** Served from the cache; {@code detail} is null for a fresh hit. */
    public String hit(long ttlSeconds, @Nullable String detail) {
        if (detail == null) {
            return hitPrefix + ttlSeconds;
        }
        StringBuilder value = new StringBuilder(hitPrefix).append(ttlSeconds);
        appendDetail(value, detail);
        return value.toString();
    }

    /** Forwarded to the application; {@code stored} says whether its response was stored. */
    public String forwarded(Forward reason, boolean stored, String detail) {
        StringBuilder value = new StringBuilder(cacheName).append("; fwd=").append(reason.token);
        if (stored) {
            value.append("; stored");
        }
        appendDetail(value, detail);
        return value.toString();
    }

    /**
     * The application answered {@code 304} to the stored entry's validators: the entry was refreshed and answers
     * (RFC 9211 {@code fwd-status}).
     */
    public String refreshed(Forward reason) {
        return cacheName + "; fwd=" + reason.token + "; fwd-status=304; stored";
    }

    /** Answered with what another request's render stored, after waiting for it (RFC 9211 {@code collapsed}). */
    public String collapsed(Forward reason) {
        return cacheName + "; fwd=" + reason.token + "; collapsed";
    }

    private static void appendDetail(StringBuilder value, String detail) {
        if (detail != null) {
            if (!TOKEN.matcher(detail).matches()) {
                throw new IllegalArgumentException("detail must be a token: '" + detail + "'");
            }
            value.append("; detail=").append(detail);
        }
    }
}
