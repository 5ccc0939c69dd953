package dev.isr.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request as the front door sees it, before the application runs.
 *
 * @param method the request method
 * @param origin the origin the request was addressed to ({@link Origin#ofRequest}), or null when its {@code Host}
 *     is missing or malformed
 * @param rawPath the raw request path ({@code getRequestURI()}), including the context path
 * @param rawQuery the raw query string, or null
 * @param headers the request header fields
 * @param principal the container authenticated a caller for this request before the front door ran; a front door
 *     that runs before authentication passes true when the request may have one (it carries a session)
 */
public record IncomingRequest(
        String method,
        @Nullable Origin origin,
        String rawPath,
        @Nullable String rawQuery,
        HeaderLookup headers,
        boolean principal) {

    /** The request field that marks an authenticated revalidation (contract section 5). */
    public static final String REVALIDATE_FIELD = "Isr-Revalidate";

    /**
     * The origin an authenticated revalidation renders for: the entry's public origin, which the connection to this
     * node's own listener cannot carry in its {@code Host}. Ignored without a valid {@link #REVALIDATE_FIELD}.
     */
    public static final String REVALIDATE_ORIGIN_FIELD = "Isr-Revalidate-Origin";

    public IncomingRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(headers, "headers");
    }

    /**
     * Whether the request carries credentials ({@code Authorization}, {@code Proxy-Authorization}) or an
     * authenticated caller: it may only be served entries marked shareable with them, and never waits for (or is
     * waited on by) another request's render.
     */
    public boolean hasCredentials() {
        return principal || headers.contains("Authorization") || headers.contains("Proxy-Authorization");
    }

    public boolean isHead() {
        return "HEAD".equals(method);
    }
}
