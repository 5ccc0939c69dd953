package dev.isr.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a request is addressed, in canonical form: what the cache key is built from and what the application is shown.
 *
 * @param origin the normalized origin ({@link Origin#value()})
 * @param path the canonical path ({@link CanonicalPath}), including the context path
 * @param rawQuery the raw query string as received, or null; keys keep only the parameters that matter
 *     ({@link CacheKeyFactory}, {@link VaryRule})
 */
public record RequestTarget(
        String origin, String path, @Nullable String rawQuery) {

    public RequestTarget {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
    }
}
