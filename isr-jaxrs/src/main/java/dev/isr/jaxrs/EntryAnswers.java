package dev.isr.jaxrs;

import dev.isr.core.CachedResponse;
import dev.isr.core.Header;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.annotation.Annotation;
import java.time.Instant;

/** Replaces what the application answered with a stored entry, from a JAX-RS response filter. */
final class EntryAnswers {

    private EntryAnswers() {}

    /** {@code response} becomes {@code entry}: its status, fields and body, with {@code Age} and {@code Cache-Status}. */
    static void replace(ContainerResponseContext response, CachedResponse entry, String cacheStatus, Instant now) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.clear();
        for (Header header : entry.headers()) {
            headers.add(header.name(), header.value());
        }
        headers.putSingle("Age", Long.toString(entry.ageSeconds(now)));
        headers.putSingle(CachedResponses.CACHE_STATUS, cacheStatus);
        response.setStatus(entry.status());
        String contentType = entry.header("Content-Type");
        MediaType mediaType =
                contentType == null ? MediaType.APPLICATION_OCTET_STREAM_TYPE : MediaType.valueOf(contentType);
        response.setEntity(entry.body().length == 0 ? null : entry.body(), new Annotation[0], mediaType);
    }
}
