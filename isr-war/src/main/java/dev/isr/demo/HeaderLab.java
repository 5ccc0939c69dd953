package dev.isr.demo;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A page whose cache headers the visitor chooses, to try the module's semantics by hand (and in the integration
 * tests): {@code /demo/lab/x?cdn-cache-control=s-maxage%3D5,durable}. Only the cache-related fields can be set, and
 * the status only within 200..599. Each render is counted under its path without the query.
 */
@Path("/demo/lab/{name:[a-z0-9-]{1,40}}")
public class HeaderLab {

    @Inject
    RenderCounter renders;

    @GET
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    public Response render(@PathParam("name") String name,
            @QueryParam("status") @DefaultValue("200") int status,
            @QueryParam("cache-control") String cacheControl,
            @QueryParam("cdn-cache-control") String cdnCacheControl,
            @QueryParam("isr-cache-control") String isrCacheControl,
            @QueryParam("vary") String vary,
            @QueryParam("set-cookie") String setCookie) {
        if (status < 200 || status > 599) {
            return Response.status(Response.Status.BAD_REQUEST).entity("status must be 200..599\n")
                    .header("Cache-Control", "no-store").build();
        }
        renders.rendered("/demo/lab/" + name);
        long count = renders.count("/demo/lab/" + name);
        Response.ResponseBuilder response = Response.status(status).entity("lab " + name + " render " + count + "\n");
        header(response, "Cache-Control", cacheControl);
        header(response, "CDN-Cache-Control", cdnCacheControl);
        header(response, "Isr-Cache-Control", isrCacheControl);
        header(response, "Vary", vary);
        header(response, "Set-Cookie", setCookie);
        return response.build();
    }

    private static void header(Response.ResponseBuilder response, String name, String value) {
        if (value != null) {
            response.header(name, value);
        }
    }
}
