package dev.isr.core;

import java.util.Objects;

/**
 * Identifies a stored response: the request path plus the normalized query string.
 *
 * @param path the raw request path as received, including the context path, never decoded
 * @param query the normalized query ({@link CacheKeyFactory}), empty when there is none
 */
public record CacheKey(String path, String query) {

    public CacheKey {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
    }

    /** The canonical string form, {@code path} or {@code path?query}, used as the key in the store. */
    public String value() {
        return query.isEmpty() ? path : path + '?' + query;
    }

    @Override
    public String toString() {
        return value();
    }
}
