package dev.isr.jaxrs.admin;

import dev.isr.core.DirectiveSource;
import jakarta.ws.rs.core.Response;

/**
 * Marks admin answers (JSON and problems alike) so that no cache stores them, whatever else the application does.
 * {@code Cache-Control: no-store, private} keeps shared and private caches downstream from storing them.
 * {@code Isr-Cache-Control: no-store} keeps this module from storing them even when a global filter of the application
 * replaces {@code Cache-Control} with, say, {@code public, s-maxage=60}: this module reads {@code Isr-Cache-Control}
 * before {@code Cache-Control} (RFC 9213 precedence) and removes it before the client sees it. Without it, a stored
 * {@code GET /isr/stats} would be served to callers without the token.
 */
final class NeverStored {

    static final String CACHE_CONTROL = "no-store, private";
    static final String ISR_CACHE_CONTROL = "no-store";

    private NeverStored() {}

    /** {@code response} with both fields set, replacing any value they had. */
    static Response.ResponseBuilder mark(Response.ResponseBuilder response) {
        return response.header("Cache-Control", null)
                .header("Cache-Control", CACHE_CONTROL)
                .header(DirectiveSource.ISR_CACHE_CONTROL, null)
                .header(DirectiveSource.ISR_CACHE_CONTROL, ISR_CACHE_CONTROL);
    }
}
