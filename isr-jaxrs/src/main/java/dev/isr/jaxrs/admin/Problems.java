package dev.isr.jaxrs.admin;

import jakarta.json.Json;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details for the admin API; like every admin answer, never stored by any cache. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {}

    static Response badRequest(String detail) {
        return of(Response.Status.BAD_REQUEST, detail);
    }

    /** 401 with the {@code WWW-Authenticate} challenge RFC 9110 requires. */
    static Response unauthorized(String detail) {
        return Response.fromResponse(of(Response.Status.UNAUTHORIZED, detail))
                .header("WWW-Authenticate", "Bearer realm=\"isr\"")
                .build();
    }

    static Response of(Response.Status status, String detail) {
        String body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", status.getReasonPhrase())
                .add("status", status.getStatusCode())
                .add("detail", detail)
                .build()
                .toString();
        return NeverStored.mark(Response.status(status).type(MEDIA_TYPE))
                .entity(body)
                .build();
    }
}
