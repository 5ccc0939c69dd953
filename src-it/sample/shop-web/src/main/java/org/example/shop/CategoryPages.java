package org.example.shop;

import dev.isr.api.Isr;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.Collectors;

/**
 * The category pages. They opt into the cache with {@code @Isr} instead of headers: fresh for two minutes, then
 * served stale for up to an hour while they are rendered again, tagged {@code products} (so a price change purges
 * them) and {@code category-<name>}. {@link FeaturedProducts} adds a tag of its own through {@code IsrContext}.
 */
@Path("/categories")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class CategoryPages {

    @Inject
    Catalog catalog;

    @Inject
    FeaturedProducts featured;

    @GET
    @Path("{name:[a-z]{1,20}}")
    @Isr(maxAge = "120s", staleWhileRevalidate = "1h", tags = {"products", "category-{name}"})
    public String category(@PathParam("name") String name) {
        String items = catalog.all().stream()
                .map(p -> "<li>%s %d.%02d EUR</li>".formatted(p.name(), p.priceCents() / 100, p.priceCents() % 100))
                .collect(Collectors.joining());
        return "<!DOCTYPE html><html><head><title>" + name + "</title></head><body><h1>" + name + "</h1><ul>" + items
                + "</ul><p>Featured: " + featured.pick().name() + "</p></body></html>";
    }
}
