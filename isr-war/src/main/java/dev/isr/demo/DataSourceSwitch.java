package dev.isr.demo;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Switches the demo's data source to fail and back ({@code POST /demo/datasource}, form field {@code failing}), to
 * watch {@code stale-if-error} keep pages up while their source is down.
 */
@Path("/demo/datasource")
public class DataSourceSwitch {

    @Inject
    Bookshelf bookshelf;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response state() {
        return Response.ok(bookshelf.failing() ? "failing\n" : "up\n")
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public Response set(@FormParam("failing") boolean failing) {
        bookshelf.failing(failing);
        return state();
    }
}
