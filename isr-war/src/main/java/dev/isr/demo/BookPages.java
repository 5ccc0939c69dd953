package dev.isr.demo;

import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The bookshelf pages. The list is tagged {@code books} and kept in memory; each book page is tagged
 * {@code book-{id}} and durable. The edit form is per-visitor and never cached; saving it purges the book's page and
 * the list after the transaction commits ({@link BookEditor}).
 */
@Path("/books")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class BookPages {

    private static final int MAX_TITLE = 200;
    private static final int MAX_SUMMARY = 2000;

    @Inject
    Bookshelf bookshelf;

    @Inject
    RenderCounter renders;

    @Inject
    CachePolicyHeaders cacheHeaders;

    @Inject
    BookEditor editor;

    @Context
    UriInfo uriInfo;

    @GET
    public Response list() {
        renders.rendered(uriInfo.getRequestUri().getRawPath());
        String items = bookshelf.all().stream()
                .map(book -> "<li><a href=\"/books/%d\">%s</a> by %s (%d)</li>"
                        .formatted(book.id(), Html.escape(book.title()), Html.escape(book.author()), book.year()))
                .collect(Collectors.joining("\n"));
        String body = "<h1>Bookshelf</h1><ul>" + items + "</ul>"
                + "<p>Rendered at " + java.time.Instant.now() + ". <a href=\"/me\">Your visitor page</a> is never"
                + " cached. <a href=\"/isr/console\">The cache's console</a> shows what is cached and why (admin"
                + " token needed).</p>";
        return cacheHeaders
                .shared(Response.ok(Html.page("Bookshelf", body)))
                .header("Cache-Tag", "books")
                .build();
    }

    /**
     * A book's page. It answers conditional requests ({@code If-None-Match} against its {@code ETag}), so a stale
     * page the cache revalidates costs a {@code 304}, not a render: only real renders are counted.
     */
    @GET
    @Path("{id:[0-9]{1,9}}")
    public Response book(@PathParam("id") int id, @Context Request request) {
        String path = uriInfo.getRequestUri().getRawPath();
        return bookshelf
                .find(id)
                .map(book -> {
                    EntityTag tag = etagOf(book);
                    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
                    if (unchanged != null) {
                        return cacheHeaders.durable(unchanged.tag(tag)).header("Cache-Tag", "book-" + id);
                    }
                    renders.rendered(path);
                    return cacheHeaders
                            .durable(Response.ok(Html.page(book.title(), bookBody(book)))
                                    .tag(tag))
                            .header("Cache-Tag", "book-" + id);
                })
                .orElseGet(() -> {
                    renders.rendered(path);
                    return cacheHeaders.shared(Response.status(Response.Status.NOT_FOUND)
                            .entity(Html.page("Not found", "<h1>No book " + id + "</h1>")));
                })
                .build();
    }

    /** Changes whenever anything the page shows changes; the same on every node. */
    private static EntityTag etagOf(Book book) {
        return new EntityTag("book-" + book.id() + "-"
                + Integer.toHexString(Objects.hash(book.title(), book.author(), book.year(), book.summary())));
    }

    @GET
    @Path("{id:[0-9]{1,9}}/edit")
    public Response editForm(@PathParam("id") int id) {
        return bookshelf
                .find(id)
                .map(book -> CachePolicyHeaders.personal(Response.ok(Html.page("Edit " + book.title(), """
                        <h1>Edit book %d</h1>
                        <form method="post" action="/books/%d">
                        <p><label>Title <input name="title" value="%s" maxlength="%d" size="50"></label></p>
                        <p><label>Summary<br><textarea name="summary" rows="4" cols="60" maxlength="%d">%s</textarea>
                        </label></p>
                        <p><label><input type="checkbox" name="failCommit" value="true"> Make the transaction
                        roll back (nothing is saved, nothing is purged)</label></p>
                        <p><button>Save</button></p>
                        </form>""".formatted(
                        id, id, Html.escape(book.title()), MAX_TITLE, MAX_SUMMARY, Html.escape(book.summary()))))))
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND))
                .build();
    }

    @POST
    @Path("{id:[0-9]{1,9}}")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(
            @PathParam("id") int id,
            @FormParam("title") String title,
            @FormParam("summary") String summary,
            @FormParam("failCommit") boolean failCommit) {
        if (title == null
                || title.isBlank()
                || title.length() > MAX_TITLE
                || summary == null
                || summary.length() > MAX_SUMMARY) {
            return CachePolicyHeaders.personal(Response.status(Response.Status.BAD_REQUEST)
                            .entity(Html.page(
                                    "Invalid book",
                                    "<h1>Title (1.." + MAX_TITLE + " characters) and summary (at" + " most "
                                            + MAX_SUMMARY + ") are required</h1>")))
                    .build();
        }
        try {
            if (!editor.edit(id, title.strip(), summary.strip(), failCommit)) {
                return Response.status(Response.Status.NOT_FOUND).build();
            }
        } catch (BookEditor.CommitFailed e) {
            return CachePolicyHeaders.personal(Response.status(Response.Status.CONFLICT)
                            .entity(Html.page(
                                    "Rolled back",
                                    "<h1>Rolled back</h1><p>" + Html.escape(e.getMessage())
                                            + ". The page and the list were not purged.</p><p><a href=\"/books/" + id
                                            + "\">Back to the book</a></p>")))
                    .build();
        }
        // the purge of book-{id} and books happened after the commit (IsrPurge event)
        return Response.seeOther(URI.create("/books/" + id)).build();
    }

    private static String bookBody(Book book) {
        return """
                <h1>%s</h1>
                <p>by %s, %d</p>
                <p>%s</p>
                <p>Rendered at %s. <a href="/books/%d/edit">Edit</a> · <a href="/books">All books</a></p>
                """.formatted(
                        Html.escape(book.title()),
                        Html.escape(book.author()),
                        book.year(),
                        Html.escape(book.summary()),
                        java.time.Instant.now(),
                        book.id(),
                        book.id());
    }
}
