package dev.isr.demo;

import java.util.Map;

/**
 * What a lab page answers: status, cache-related header fields, a render delay, an optional read of the bookshelf
 * (which fails while the data source is switched to fail), a scripted exception, and a body size. For the security
 * tests it can also behave as per-visitor code does by accident: create an {@code HttpSession}
 * ({@code createsSession}), set a cookie through the Servlet API ({@code servletCookie}), or echo what it was shown
 * of the request, its absolute URL and query parameters ({@code echoRequest}). For the fault tests it can drop its
 * connection in the middle of the body ({@code dropsConnection}), as an origin that crashes or is reset does.
 */
public record LabScript(
        int status,
        Map<String, String> headers,
        long delayMs,
        boolean readsBookshelf,
        boolean fail,
        int bodyBytes,
        boolean createsSession,
        boolean servletCookie,
        boolean echoRequest,
        boolean dropsConnection) {

    static final LabScript PLAIN = new LabScript(200, Map.of(), 0, false, false, 0, false, false, false, false);

    public LabScript {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        status = status == 0 ? 200 : status;
    }
}
