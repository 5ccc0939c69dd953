package dev.isr.jaxrs.admin;

import dev.isr.core.CacheKeyFactory;
import dev.isr.core.CacheStatus;
import dev.isr.core.EntryIndex;
import dev.isr.core.Explanation;
import dev.isr.core.FrontDoor;
import dev.isr.core.IncomingRequest;
import dev.isr.core.IsrConfig;
import dev.isr.core.Lookup;
import dev.isr.core.Origin;
import dev.isr.core.PassMemory;
import dev.isr.core.PublicOrigins;
import dev.isr.core.RecentEvents;
import dev.isr.core.ResponseCache;
import dev.isr.core.StoreRefusals;
import dev.isr.core.TrafficHistory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The console ({@code GET /isr/console}): a page of static files from this jar, and the data only it asks for (the
 * traffic history, the recent events, the explanation of a URL); the rest it reads from the admin API. The page and its
 * files hold no data and need no token, but answer only the networks of {@code isr.admin.allowed-networks}; every
 * data call needs the admin token, which the page keeps in the browser's session storage and sends as a bearer token,
 * never in a URL or a cookie. Everything it answers is marked never to be stored ({@link NeverStored}), and the page
 * is sent with a Content-Security-Policy that allows only its own files.
 */
@Path("isr/console")
@RequestScoped
public class IsrConsoleResource {

    /** What the page may load and run: its own files, and calls to its own origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final String FILES = "/dev/isr/jaxrs/console/";
    private static final Map<String, String> ASSETS =
            Map.of("console.js", "text/javascript; charset=utf-8", "console.css", "text/css; charset=utf-8");
    private static final int MAX_EVENTS = RecentEvents.CAPACITY;
    private static final int MAX_URL_LENGTH = 4096;

    @Inject
    AdminAccess access;

    @Inject
    TrafficHistory history;

    @Inject
    RecentEvents events;

    @Inject
    StoreRefusals refusals;

    @Inject
    ResponseCache cache;

    @Inject
    CacheKeyFactory keys;

    @Inject
    CacheStatus cacheStatus;

    @Inject
    PassMemory passes;

    @Inject
    IsrConfig config;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uriInfo;

    /** The page, with its base set to the admin API's path, so that its relative calls reach it. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() throws IOException {
        Response outside = access.outsideNetworks(request);
        if (outside != null) {
            return outside;
        }
        String base = uriInfo.getBaseUri().getRawPath() + "isr/";
        String html = new String(file("index.html"), StandardCharsets.UTF_8).replace("%BASE%", htmlEscaped(base));
        return page(Response.ok(html, "text/html; charset=utf-8"));
    }

    @GET
    @Path("{asset}")
    public Response asset(@PathParam("asset") String asset) throws IOException {
        Response outside = access.outsideNetworks(request);
        if (outside != null) {
            return outside;
        }
        String type = ASSETS.get(asset);
        if (type == null) {
            return Problems.of(Response.Status.NOT_FOUND, "the console has no file of this name");
        }
        return page(Response.ok(file(asset), type));
    }

    /** {@code GET /isr/console/history}: the last hour of traffic, per interval, for the cluster and each node. */
    @GET
    @Path("history")
    @Produces(MediaType.APPLICATION_JSON)
    public Response history(@HeaderParam("Authorization") String authorization) {
        return ifAllowed(authorization, () -> json(ConsoleJson.history(history.view())));
    }

    /** {@code GET /isr/console/events?limit=}: this node's recent purges and failed revalidations, newest first. */
    @GET
    @Path("events")
    @Produces(MediaType.APPLICATION_JSON)
    public Response events(@HeaderParam("Authorization") String authorization, @QueryParam("limit") String limit) {
        return ifAllowed(authorization, () -> {
            int max;
            try {
                max = limit == null ? 50 : Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                return Problems.badRequest("limit must be a whole number 1.." + MAX_EVENTS);
            }
            if (max < 1 || max > MAX_EVENTS) {
                return Problems.badRequest("limit must be 1.." + MAX_EVENTS + ": " + max);
            }
            return json(ConsoleJson.events(events.latest(max)));
        });
    }

    /**
     * {@code GET /isr/console/explain?url=}: what the front door would answer an anonymous visitor (no cookies, no
     * credentials) asking {@code GET url} now, found by a dry run of its look-up: nothing is counted, no revalidation
     * starts, nothing is stored; the look-up counts as a read of the entry it finds.
     */
    @GET
    @Path("explain")
    @Produces(MediaType.APPLICATION_JSON)
    public Response explain(@HeaderParam("Authorization") String authorization, @QueryParam("url") String url) {
        return ifAllowed(authorization, () -> {
            if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
                return Problems.badRequest("url must be a path (/page?query) or an absolute http(s) URL, at most "
                        + MAX_URL_LENGTH + " characters");
            }
            URI target;
            try {
                target = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                return Problems.badRequest("url is not a valid URI: " + e.getMessage());
            }
            if (target.getRawPath() == null || !target.getRawPath().startsWith("/")) {
                return Problems.badRequest("url must be a path (/page?query) or an absolute http(s) URL");
            }
            Explanation explanation = explanationOf(target);
            EntryIndex.Indexed indexed = explanation.entry() == null
                    ? null
                    : cache.index().get(explanation.entry().key().value());
            return json(ConsoleJson.explanation(url.strip(), explanation, indexed, clock.instant()));
        });
    }

    private Explanation explanationOf(URI target) {
        Origin origin = target.getScheme() == null
                ? Origin.ofRequest(request.getScheme(), request.getHeader("Host"))
                : Origin.ofRequest(target.getScheme(), target.getRawAuthority());
        IncomingRequest asked =
                new IncomingRequest("GET", origin, target.getRawPath(), target.getRawQuery(), name -> List.of(), false);
        FrontDoor dryRun =
                FrontDoor.dryRun(cache, keys, cacheStatus, new PublicOrigins(config.publicOrigins()), passes);
        Instant now = clock.instant();
        Lookup lookup = dryRun.lookup(asked, now);
        StoreRefusals.Refusal last =
                lookup instanceof Lookup.Forward forward && forward.key() != null ? refusals.last(forward.key()) : null;
        return Explanation.of(lookup, cacheStatus, last, now);
    }

    private Response ifAllowed(String authorization, Supplier<Response> answer) {
        Response refused = access.refused(request, authorization);
        return refused != null ? refused : answer.get();
    }

    private static Response json(JsonObjectBuilder body) {
        return NeverStored.mark(Response.ok().type(MediaType.APPLICATION_JSON))
                .entity(body.build().toString())
                .build();
    }

    private static Response page(Response.ResponseBuilder response) {
        return NeverStored.mark(response)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .build();
    }

    private static byte[] file(String name) throws IOException {
        try (InputStream in = IsrConsoleResource.class.getResourceAsStream(FILES + name)) {
            if (in == null) {
                throw new IOException("the console's file " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        }
    }

    private static String htmlEscaped(String text) {
        return text.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
