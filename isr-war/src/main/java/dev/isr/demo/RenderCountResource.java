package dev.isr.demo;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * How often a page was really rendered: {@code GET /demo/renders?path=/books/1}. Lets visitors and the
 * integration tests see that a cache hit did not run the application.
 */
@Path("/demo/renders")
public class RenderCountResource {

    @Inject
    RenderCounter renders;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response count(@QueryParam("path") String path) {
        if (path == null || !path.startsWith("/")) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity("path must start with /\n")
                    .header("Cache-Control", "no-store")
                    .build();
        }
        return Response.ok(Long.toString(renders.count(path)))
                .header("Cache-Control", "no-store")
                .build();
    }
}
