package dev.isr.jaxrs;

import dev.isr.core.CachedResponse;
import dev.isr.core.Header;
import dev.isr.core.Lookup;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/** Writes an answer from the cache to a Servlet response. */
final class CachedResponses {

    static final String CACHE_STATUS = "Cache-Status";

    /**
     * The stored fields a {@code 304} repeats (RFC 9110 section 15.4.5): those a cache uses to update its stored
     * response. {@code Last-Modified} only helps when there is no {@code ETag}, which this module always adds.
     */
    private static final Set<String> NOT_MODIFIED_FIELDS = Set.of(
            "cache-control", "cdn-cache-control", "content-location", "etag", "expires", "vary");

    private CachedResponses() {
    }

    static void write(Lookup.Serve serve, HttpServletResponse response) throws IOException {
        CachedResponse entry = serve.entry();
        if (serve.notModified()) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            for (Header header : entry.headers()) {
                if (NOT_MODIFIED_FIELDS.contains(header.name().toLowerCase(Locale.ROOT))) {
                    response.addHeader(header.name(), header.value());
                }
            }
            writeCacheFields(serve, response);
            return;
        }
        response.setStatus(entry.status());
        for (Header header : entry.headers()) {
            response.addHeader(header.name(), header.value());
        }
        writeCacheFields(serve, response);
        response.setContentLength(entry.body().length);
        if (serve.withBody() && entry.body().length > 0) {
            response.getOutputStream().write(entry.body());
        }
    }

    private static void writeCacheFields(Lookup.Serve serve, HttpServletResponse response) {
        response.setHeader("Age", Long.toString(serve.ageSeconds()));
        response.setHeader(CACHE_STATUS, serve.cacheStatus());
    }
}
