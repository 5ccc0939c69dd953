package dev.isr.core;

import java.util.Objects;

/**
 * Identifies a stored response: the request path, the query parameters that matter, and the request cookies and
 * header fields the response varies on.
 *
 * @param path the raw request path as received, including the context path, never decoded
 * @param query the normalized query ({@link CacheKeyFactory}), empty when there is none
 * @param variant the secondary key ({@link VaryRule}): request cookies and fields the response varies on, empty when
 *     it varies on none
 */
public record CacheKey(String path, String query, String variant) {

    public CacheKey {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(variant, "variant");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
    }

    public CacheKey(String path, String query) {
        this(path, query, "");
    }

    /** The path and query, without the variant: what a request for this entry asks for. */
    public String target() {
        return query.isEmpty() ? path : path + '?' + query;
    }

    /** The canonical string form, {@code path[?query][#variant]}, used as the key in the store. */
    public String value() {
        return variant.isEmpty() ? target() : target() + '#' + variant;
    }

    /**
     * The path part of a canonical key string: everything before the first {@code ?} or {@code #}, which a raw
     * request path cannot contain unencoded.
     */
    public static String pathOf(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '?' || c == '#') {
                return value.substring(0, i);
            }
        }
        return value;
    }

    /** The key whose {@link #value()} is {@code value}. */
    public static CacheKey parse(String value) {
        String path = pathOf(value);
        String rest = value.substring(path.length());
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
        return new CacheKey(path, query, variant);
    }

    @Override
    public String toString() {
        return value();
    }
}
