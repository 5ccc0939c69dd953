package dev.isr.jaxrs;

import dev.isr.core.CachedResponse;
import dev.isr.core.Header;
import dev.isr.core.Lookup;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes an answer from the cache to a Servlet response. */
final class CachedResponses {

    static final String CACHE_STATUS = "Cache-Status";

    private CachedResponses() {}

    static void write(Lookup.Serve serve, HttpServletResponse response) throws IOException {
        CachedResponse entry = serve.entry();
        response.setStatus(serve.status());
        for (Header header : entry.headers()) {
            if (serve.sends(header.name())) {
                response.addHeader(header.name(), header.value());
            }
        }
        writeCacheFields(serve, response);
        if (!serve.sendsContent()) {
            return;
        }
        if (serve.range() != null) {
            response.setHeader("Content-Range", serve.range().contentRange());
        }
        response.setContentLength(serve.contentLength());
        if (serve.withBody() && serve.contentLength() > 0) {
            response.getOutputStream().write(entry.body(), serve.contentOffset(), serve.contentLength());
        }
    }

    private static void writeCacheFields(Lookup.Serve serve, HttpServletResponse response) {
        response.setHeader("Age", Long.toString(serve.ageSeconds()));
        response.setHeader(CACHE_STATUS, serve.cacheStatus());
    }
}
