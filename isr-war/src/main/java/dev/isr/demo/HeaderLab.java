package dev.isr.demo;

import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pages whose response the visitor scripts, to try the module's semantics by hand (and in the integration tests):
 * {@code PUT /demo/lab/x/script} with a {@link LabScript}, then {@code GET /demo/lab/x}. Only cache-related header fields can
 * be scripted and the body is always plain text, so the lab cannot serve markup or scripts. Each render is counted
 * under its path ({@code /demo/renders?path=/demo/lab/x}).
 */
@Path("/demo/lab/{name:[a-z0-9-]{1,40}}")
public class HeaderLab {

    static final Set<String> SCRIPTABLE_FIELDS = Set.of(
            "cache-control",
            "cdn-cache-control",
            "isr-cache-control",
            "cache-tag",
            "isr-cache-tag",
            "surrogate-key",
            "vary",
            "isr-vary",
            "etag",
            "last-modified",
            "expires",
            "set-cookie",
            "location");

    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    @Inject
    RenderCounter renders;

    @Inject
    Bookshelf bookshelf;

    @Inject
    LabScripts scripts;

    @Inject
    SlowResponses slow;

    /** On a path of its own: a PUT to the page itself would invalidate it (RFC 9111 section 4.4). */
    @PUT
    @Path("script")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    public Response script(@PathParam("name") String name, LabScript script) {
        String problem = validate(script);
        if (problem != null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(problem + "\n")
                    .header("Cache-Control", "no-store")
                    .build();
        }
        scripts.put(name, script);
        return Response.noContent().header("Cache-Control", "no-store").build();
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    public Response render(
            @PathParam("name") String name,
            @Context HttpServletRequest request,
            @Context HttpServletResponse servletResponse,
            @Context UriInfo uriInfo) {
        LabScript script = scripts.get(name);
        String path = "/demo/lab/" + name;
        renders.rendered(path);
        long count = renders.count(path);
        slow.await(script.delayMs());
        if (script.readsBookshelf()) {
            bookshelf.all(); // fails while the data source is switched to fail
        }
        if (script.fail()) {
            throw new IllegalStateException("lab page " + name + " is scripted to fail");
        }
        if (script.dropsConnection()) {
            dropConnectionMidBody(name, servletResponse);
        }
        if (script.createsSession()) {
            request.getSession(true).setAttribute("lab", name);
        }
        if (script.servletCookie()) {
            servletResponse.addCookie(new Cookie("lab-visitor", Long.toString(count)));
        }
        StringBuilder body = new StringBuilder("lab " + name + " render " + count + "\n");
        if (script.echoRequest()) {
            body.append("url ")
                    .append(uriInfo.getRequestUri())
                    .append('\n')
                    .append("query ")
                    .append(new TreeMap<>(uriInfo.getQueryParameters()))
                    .append('\n');
        }
        while (body.length() < script.bodyBytes()) {
            body.append("0123456789abcdef".repeat(64), 0, Math.min(1024, script.bodyBytes() - body.length()));
        }
        Response.ResponseBuilder response = Response.status(script.status()).entity(body.toString());
        script.headers().forEach(response::header);
        return response.build();
    }

    /**
     * Sends a status and a part of the body it announces, then fails: the response is committed, so the server can
     * only close the connection (Undertow) or leave the body unfinished (Grizzly). The client sees what an origin that
     * crashes, is reset or hangs mid-response gives it: a network error, or a body that never ends.
     */
    private static void dropConnectionMidBody(String name, HttpServletResponse response) {
        byte[] part = ("lab " + name + " drops its connection\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(MediaType.TEXT_PLAIN + ";charset=utf-8");
        response.setContentLength(100 * part.length);
        try {
            response.getOutputStream().write(part);
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("lab page " + name + " is scripted to drop its connection mid-body");
    }

    private static String validate(LabScript script) {
        if (script == null) {
            return "a JSON script is required";
        }
        if (script.status() < 200 || script.status() > 599) {
            return "status must be 200..599";
        }
        if (script.delayMs() < 0 || script.delayMs() > 30_000) {
            return "delayMs must be 0..30000";
        }
        if (script.bodyBytes() < 0 || script.bodyBytes() > MAX_BODY_BYTES) {
            return "bodyBytes must be 0.." + MAX_BODY_BYTES;
        }
        for (Map.Entry<String, String> field : script.headers().entrySet()) {
            if (!SCRIPTABLE_FIELDS.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                return "header " + field.getKey() + " cannot be scripted; allowed: " + SCRIPTABLE_FIELDS;
            }
            if (field.getValue() == null
                    || field.getValue().indexOf('\r') >= 0
                    || field.getValue().indexOf('\n') >= 0) {
                return "header " + field.getKey() + " needs a single-line value";
            }
        }
        return null;
    }
}
