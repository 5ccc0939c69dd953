package dev.isr.demo;

import dev.isr.api.Isr;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * Pages whose cache policy is declared with {@link Isr} instead of header fields (the book list and book pages of
 * {@link BookPages} show the header style). The class-level annotation applies to every page without one of its
 * own; a method's annotation replaces it. The tags {@code books} and {@code book-{id}} are the ones the header-style
 * pages use, so editing a book purges both styles of its page.
 */
@RequestScoped
@Path("/demo/annotated")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
@Isr(maxAge = "30s", tags = "annotated")
public class AnnotatedPages {

    private static final String BASE = "/demo/annotated";

    @Inject
    Bookshelf bookshelf;

    @Inject
    RenderCounter renders;

    @Inject
    AuthorCatalog authors;

    /** {@code book-{id}} is filled from the {@code @PathParam}: a purge of {@code book-7} removes this page. */
    @GET
    @Path("books/{id:[0-9]{1,9}}")
    @Isr(
            maxAge = "60s",
            staleWhileRevalidate = "1d",
            durable = true,
            tags = {"books", "book-{id}"})
    public Response book(@PathParam("id") int id) {
        renders.rendered(BASE + "/books/" + id);
        return bookshelf
                .find(id)
                .map(book -> Response.ok(Html.page(
                        book.title(),
                        "<h1>" + Html.escape(book.title()) + "</h1><p>by "
                                + Html.escape(book.author()) + ", " + book.year()
                                + "</p><p>Declared with @Isr; rendered at "
                                + Instant.now() + "</p>")))
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(Html.page("Not found", "<h1>No book " + id + "</h1>")))
                .build();
    }

    /** The class's {@code @Isr}: 30 s, tag {@code annotated}. */
    @GET
    @Path("class-level")
    public String classLevel() {
        return rendered("class-level", "Declared by the class's @Isr.");
    }

    /** Fresh for a second, then served stale for a minute while one request renders it again. */
    @GET
    @Path("swr")
    @Isr(maxAge = "1s", staleWhileRevalidate = "1m", tags = "annotated-swr")
    public String staleWhileRevalidate() {
        return rendered("swr", "Fresh for 1 s, then stale-while-revalidate for 1 min.");
    }

    /** As {@code swr}, but strict: never served stale once its second has passed. */
    @GET
    @Path("strict")
    @Isr(maxAge = "1s", staleWhileRevalidate = "1m", strict = true)
    public String strict() {
        return rendered("strict", "Fresh for 1 s and never served stale (proxy-revalidate).");
    }

    /** Fields set explicitly win over the annotation, each for its own part: 5 s and tag {@code explicit}. */
    @GET
    @Path("explicit")
    public Response explicit() {
        return Response.ok(rendered("explicit", "The class says 30 s and tag annotated; the fields say otherwise."))
                .header("CDN-Cache-Control", "s-maxage=5")
                .header("Cache-Tag", "explicit")
                .build();
    }

    /**
     * An author page: the annotation declares 60 s and tag {@code authors}; {@link AuthorCatalog}, a service the page
     * calls, adds {@code author-{name}}, extends the lifetime to 5 min, and marks drafts uncacheable.
     */
    @GET
    @Path("authors/{name:[a-z0-9-]{1,40}}")
    @Isr(maxAge = "60s", tags = "authors")
    public String author(@PathParam("name") String name, @QueryParam("draft") boolean draft) {
        renders.rendered(BASE + "/authors/" + name);
        return Html.page("Author " + name, authors.describe(name, draft) + "<p>Rendered at " + Instant.now() + "</p>");
    }

    private String rendered(String page, String text) {
        renders.rendered(BASE + "/" + page);
        return Html.page(page, "<h1>" + page + "</h1><p>" + text + " Rendered at " + Instant.now() + ".</p>");
    }
}
