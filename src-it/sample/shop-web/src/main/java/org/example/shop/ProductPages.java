package org.example.shop;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The product pages. They opt into the cache with headers: browsers always revalidate ({@code Cache-Control}), the
 * shared cache keeps them ({@code CDN-Cache-Control}), tagged for purges ({@code Cache-Tag}).
 */
@Path("/products")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class ProductPages {

    @Inject
    Catalog catalog;

    @Inject
    PriceEditor editor;

    @Context
    UriInfo uri;

    @GET
    public Response list() {
        String items = catalog.all().stream()
                .map(p -> "<li><a href=\"products/%d\">%s</a> %s</li>".formatted(p.id(), p.name(), price(p)))
                .collect(Collectors.joining());
        return Response.ok(page("Products", "<ul>" + items + "</ul>"))
                .header("Cache-Control", "public, max-age=0, must-revalidate")
                .header("CDN-Cache-Control", "s-maxage=60, stale-while-revalidate=3600")
                .header("Cache-Tag", "products")
                .build();
    }

    @GET
    @Path("{id:[0-9]{1,9}}")
    public Response product(@PathParam("id") int id) {
        return catalog.find(id)
                .map(p -> Response.ok(page(p.name(), "<p>" + price(p) + "</p>"))
                        .header("Cache-Control", "public, max-age=0, must-revalidate")
                        .header("CDN-Cache-Control", "s-maxage=300, stale-while-revalidate=86400, durable")
                        .header("Cache-Tag", "product-" + id))
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .header("Cache-Control", "public, max-age=0, must-revalidate")
                        .header("CDN-Cache-Control", "s-maxage=60"))
                .build();
    }

    /** A form post (an administrator's, in a real shop): never cached, purges through {@link PriceEditor}. */
    @POST
    @Path("{id:[0-9]{1,9}}/price")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePrice(@PathParam("id") int id, @FormParam("cents") long cents) {
        if (cents <= 0) {
            return Response.status(Response.Status.BAD_REQUEST).header("Cache-Control", "private, no-store").build();
        }
        if (!editor.changePrice(id, cents)) {
            return Response.status(Response.Status.NOT_FOUND).header("Cache-Control", "private, no-store").build();
        }
        return Response.seeOther(uri.getBaseUriBuilder().path("products/{id}").build(id)).build();
    }

    private static String price(Product product) {
        return "%d.%02d EUR".formatted(product.priceCents() / 100, product.priceCents() % 100);
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><h1>" + title + "</h1>" + body
                + "<p>Rendered at " + Instant.now() + "</p></body></html>";
    }
}
