package dev.isr.core;

import java.util.Objects;

/**
 * Identifies a stored response: the origin the request was addressed to, the canonical request path, the query
 * parameters that matter, and the request cookies and header fields the response varies on.
 *
 * @param origin the normalized {@link Origin} ({@code https://www.example.com}), or empty for an entry stored before
 *     origins were part of keys: no request selects such an entry any more
 * @param path the canonical request path ({@link CanonicalPath}), including the context path
 * @param query the normalized query ({@link CacheKeyFactory}), empty when there is none
 * @param variant the secondary key ({@link VaryRule}): request cookies and fields the response varies on, empty when
 *     it varies on none
 */
public record CacheKey(String origin, String path, String query, String variant) {

    public CacheKey {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(variant, "variant");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        if (origin.indexOf('/', origin.indexOf("://") + 3) >= 0
                || origin.indexOf('?') >= 0
                || origin.indexOf('#') >= 0) {
            throw new IllegalArgumentException("origin must be scheme://host[:port]: " + origin);
        }
    }

    /** A key of no origin and no variant: entries stored before origins were keyed, and tests of the store. */
    public CacheKey(String path, String query) {
        this("", path, query, "");
    }

    /** The path and query, without origin and variant: what a request for this entry asks for. */
    public String target() {
        return query.isEmpty() ? path : path + '?' + query;
    }

    /**
     * The canonical string form, {@code [origin]path[?query][#variant]}, used as the key in the store. The origin
     * cannot contain {@code /}, {@code ?} or {@code #}, and a canonical path cannot contain the latter two, so the
     * parts are always recovered by {@link #parse}.
     */
    public String value() {
        String value = origin + target();
        return variant.isEmpty() ? value : value + '#' + variant;
    }

    /** The path part of a canonical key string, without origin, query and variant. */
    public static String pathOf(String value) {
        int start = pathStart(value);
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '?' || c == '#') {
                return value.substring(start, i);
            }
        }
        return value.substring(start);
    }

    private static int pathStart(String value) {
        if (value.startsWith("/")) {
            return 0;
        }
        int scheme = value.indexOf("://");
        int slash = scheme < 0 ? -1 : value.indexOf('/', scheme + 3);
        if (slash < 0) {
            throw new IllegalArgumentException("not a cache key: " + value);
        }
        return slash;
    }

    /** The key whose {@link #value()} is {@code value}. */
    public static CacheKey parse(String value) {
        int start = pathStart(value);
        String origin = value.substring(0, start);
        String path = pathOf(value);
        String rest = value.substring(start + path.length());
        String query = "";
        String variant = "";
        if (rest.startsWith("?")) {
            int hash = rest.indexOf('#');
            query = hash < 0 ? rest.substring(1) : rest.substring(1, hash);
            rest = hash < 0 ? "" : rest.substring(hash);
        }
        if (rest.startsWith("#")) {
            variant = rest.substring(1);
        }
        return new CacheKey(origin, path, query, variant);
    }

    @Override
    public String toString() {
        return value();
    }
}
