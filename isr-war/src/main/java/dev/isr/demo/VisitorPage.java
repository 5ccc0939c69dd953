package dev.isr.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/** A per-visitor page that must never be shared: it says {@code private, no-store} and the cache bypasses it. */
@Path("/me")
public class VisitorPage {

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response show(@HeaderParam("User-Agent") String userAgent) {
        String agent = userAgent == null ? "an unnamed client" : userAgent;
        String body = "<h1>Your page</h1><p>Hello, " + Html.escape(agent) + ". It is " + Instant.now()
                + ".</p><p>This page is <code>private, no-store</code>: every request renders it.</p>";
        return CachePolicyHeaders.personal(Response.ok(Html.page("Your page", body)))
                .build();
    }
}
