package dev.isr.core;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Invalidation by unsafe requests (RFC 9111 section 4.4): after a non-error response to a request whose method is not
 * safe, the cache invalidates the target URI and the URIs in the response's {@code Location} and
 * {@code Content-Location} fields, when they have the request's origin (another origin's entries are left alone, so
 * that one origin cannot purge another's).
 */
public final class Invalidation {

    /** The safe methods of RFC 9110 section 9.2.1; every other method, extension methods included, is unsafe. */
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private Invalidation() {}

    public static boolean isSafe(String method) {
        return SAFE.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * The canonical paths to invalidate after {@code method} on {@code target} answered {@code status}: none for a
     * safe method or an error (4xx, 5xx) or an interim status; else the target's path and the same-origin paths of
     * {@code Location} and {@code Content-Location}, resolved against the target.
     */
    public static List<String> paths(String method, int status, RequestTarget target, HeaderLookup response) {
        if (isSafe(method) || status < 200 || status >= 400) {
            return List.of();
        }
        Set<String> paths = new LinkedHashSet<>();
        paths.add(target.path());
        for (String field : List.of("Location", "Content-Location")) {
            String value = response.combined(field);
            String path = value == null ? null : sameOriginPath(value.strip(), target);
            if (path != null) {
                paths.add(path);
            }
        }
        return List.copyOf(paths);
    }

    private static String sameOriginPath(String reference, RequestTarget target) {
        try {
            URI resolved = URI.create(target.origin() + target.path()).resolve(new URI(reference));
            if (resolved.getScheme() == null || resolved.getRawAuthority() == null) {
                return null;
            }
            Origin origin = Origin.parseOrNull(resolved.getScheme() + "://" + resolved.getRawAuthority());
            if (origin == null || !origin.value().equals(target.origin())) {
                return null;
            }
            return CanonicalPath.of(
                    resolved.getRawPath() == null || resolved.getRawPath().isEmpty() ? "/" : resolved.getRawPath());
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null; // not a URI reference: nothing to invalidate
        }
    }
}
