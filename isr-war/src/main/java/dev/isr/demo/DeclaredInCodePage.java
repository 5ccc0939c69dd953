package dev.isr.demo;

import dev.isr.api.IsrContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;

/** A page without {@code @Isr} or cache fields: {@link IsrContext} alone makes it cacheable (30 s, durable). */
@RequestScoped
@Path("/demo/declared-in-code")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class DeclaredInCodePage {

    @Inject
    IsrContext isr;

    @Inject
    RenderCounter renders;

    @GET
    public String page() {
        renders.rendered("/demo/declared-in-code");
        isr.maxAge(Duration.ofSeconds(30)).durable(true).addTags("declared-in-code");
        return Html.page("Declared in code", "<h1>Declared in code</h1><p>Rendered at " + Instant.now() + ".</p>");
    }
}
