package dev.isr.jaxrs.admin;

import dev.isr.core.ByteUsage;
import dev.isr.core.CacheKey;
import dev.isr.core.CacheStatistics;
import dev.isr.core.CaptureBudget;
import dev.isr.core.ClusterView;
import dev.isr.core.EntryIndex;
import dev.isr.core.EntryListing;
import dev.isr.core.IsrConfig;
import dev.isr.core.MetricCatalog;
import dev.isr.core.PrometheusText;
import dev.isr.core.PurgeRequest;
import dev.isr.core.ResponseCache;
import dev.isr.core.Tags;
import dev.isr.purge.CachePurger;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The admin API (contract section 6). Every call but the webhook needs {@code Authorization: Bearer <isr.admin.token>}
 * and, when {@code isr.admin.allowed-networks} is set, a client in one of those networks;
 * the webhook needs {@code Isr-Signature: t=...,v1=...}, each signature accepted once ({@link AdminAccess}). A refused
 * call gets 401, a malformed one 400, both as RFC 9457 problem details, and neither changes anything. Answers are never
 * stored by any cache ({@link NeverStored}).
 */
@Path("isr")
@RequestScoped
public class IsrAdminResource {

    static final String SIGNATURE = "Isr-Signature";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    @Inject
    AdminAccess access;

    @Inject
    CachePurger purger;

    @Inject
    ResponseCache cache;

    @Inject
    CacheStatistics statistics;

    @Inject
    Clock clock;

    @Inject
    ClusterView cluster;

    @Inject
    IsrConfig config;

    @Inject
    CaptureBudget captureBudget;

    @Inject
    MetricCatalog catalog;

    /** For the client's address, which {@code isr.admin.allowed-networks} is checked against. */
    @Context
    HttpServletRequest request;

    @POST
    @Path("purge")
    @Produces(MediaType.APPLICATION_JSON)
    public Response purge(@HeaderParam("Authorization") String authorization, InputStream body) {
        return authorized(authorization, body, bytes -> {
            int purged = purger.purge(AdminJson.purge(bytes), "admin API");
            return json(Response.ok(), purged(purged));
        });
    }

    @POST
    @Path("revalidate")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revalidate(@HeaderParam("Authorization") String authorization, InputStream body) {
        return authorized(authorization, body, bytes -> {
            int scheduled = purger.revalidate(AdminJson.revalidate(bytes), "admin API");
            return json(
                    Response.accepted(),
                    Json.createObjectBuilder().add("scheduled", scheduled).build());
        });
    }

    @POST
    @Path("webhook")
    @Produces(MediaType.APPLICATION_JSON)
    public Response webhook(@HeaderParam(SIGNATURE) String signature, InputStream body) {
        byte[] bytes;
        try {
            bytes = AdminJson.readBody(body);
        } catch (IllegalArgumentException | IOException e) {
            return Problems.badRequest(e.getMessage());
        }
        String refusal = access.webhookRefusal(signature, bytes);
        if (refusal != null) {
            return Problems.unauthorized(refusal);
        }
        try {
            PurgeRequest request = AdminJson.webhook(bytes);
            int purged = purger.purge(request, "webhook");
            return json(Response.ok(), purged(purged));
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(e.getMessage());
        }
    }

    @GET
    @Path("entries")
    @Produces(MediaType.APPLICATION_JSON)
    public Response entries(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("tag") String tag,
            @QueryParam("prefix") String prefix,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        Response refused = refused(authorization);
        if (refused != null) {
            return refused;
        }
        int max;
        int from;
        try {
            max = wholeNumber("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
            from = wholeNumber("offset", offset, 0, 0, Integer.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(e.getMessage());
        }
        String byTag = tag == null || tag.isEmpty() ? null : tag; // tag= and prefix= (empty) select nothing out
        String byPrefix = prefix == null || prefix.isEmpty() ? null : prefix;
        if (byTag != null && !Tags.isValid(byTag)) {
            return Problems.badRequest("invalid tag: \"" + Tags.forLog(byTag) + "\"");
        }
        Instant now = clock.instant();
        EntryListing.Page page = cache.index().page(byTag, byPrefix, from, max);
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (EntryIndex.Indexed indexed : page.entries()) {
            cache.get(CacheKey.parse(indexed.key()))
                    .ifPresent(entry -> entries.add(EntryJson.describe(entry, indexed, now)));
        }
        return json(
                Response.ok(),
                Json.createObjectBuilder()
                        .add("total", page.total())
                        .add("offset", page.offset())
                        .add("entries", entries)
                        .build());
    }

    /** {@code value} as a whole number {@code min..max}, {@code otherwise} if absent. */
    private static int wholeNumber(String name, String value, int otherwise, int min, int max) {
        if (value == null) {
            return otherwise;
        }
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number " + min + ".." + max, e);
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ": " + number);
        }
        return number;
    }

    @GET
    @Path("stats")
    @Produces(MediaType.APPLICATION_JSON)
    public Response stats(@HeaderParam("Authorization") String authorization) {
        return ifAllowed(authorization, this::stats);
    }

    private Response stats() {
        CacheStatistics.Snapshot counters = statistics.snapshot();
        ByteUsage usage = cache.usage();
        JsonObject stats = Json.createObjectBuilder()
                .add("hits", counters.hits())
                .add("staleHits", counters.staleHits())
                .add("misses", counters.misses())
                .add("collapsed", counters.collapsed())
                .add("bypasses", counters.bypasses())
                .add("stores", counters.stores())
                .add("revalidationsOk", counters.revalidationsOk())
                .add("revalidationsFailed", counters.revalidationsFailed())
                .add("purges", counters.purges())
                .add("passes", counters.passes())
                .add("beforeServlet", counters.beforeServlet())
                .add("entries", cache.index().size())
                .add("bytes", cache.index().bytes())
                .add("memoryBytes", usage.memory())
                .add("memoryMaxBytes", config.budgets().memory())
                .add("storeBytes", usage.store())
                .add("storeMaxBytes", config.budgets().store())
                .add("captureBytesInFlight", captureBudget.bytesInFlight())
                .add("captureMaxBytes", captureBudget.limit())
                .add("members", cluster.members())
                .add("mode", cluster.mode().label())
                .add("node", cluster.nodeName())
                .build();
        return json(Response.ok(), stats);
    }

    /**
     * The same counters and sizes as {@link #stats}, in the Prometheus text format, for scraping; protected like the
     * rest of the admin API (a scraper sends the token as a bearer token). Counters restart at 0 with the node.
     */
    @GET
    @Path("metrics")
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public Response metrics(@HeaderParam("Authorization") String authorization) {
        return ifAllowed(authorization, this::metrics);
    }

    private Response metrics() {
        List<PrometheusText.Sample> samples = new ArrayList<>();
        catalog.metrics().forEach(metric -> samples.add(metric.sample()));
        statistics
                .bypassesByReason()
                .forEach((reason, count) -> samples.add(new PrometheusText.Sample(
                        "isr_bypasses_total",
                        PrometheusText.Type.COUNTER,
                        "Requests and responses the cache was not used" + " for, by reason (the Cache-Status detail).",
                        Map.of("reason", reason),
                        count)));
        List<PrometheusText.Histogram> histograms = catalog.latencies().stream()
                .map(latency -> new PrometheusText.Histogram(
                        latency.name(), latency.help(), latency.values().get()))
                .toList();
        return Response.ok(PrometheusText.render(samples, histograms))
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * The answer to a purge: how many entries this node removed, and how many members the purge record reached before
     * the call returned (every member of the cluster: the record is written synchronously to all of them).
     */
    private JsonObject purged(int purged) {
        JsonArrayBuilder acknowledged = Json.createArrayBuilder();
        cluster.memberNames().forEach(acknowledged::add);
        return Json.createObjectBuilder()
                .add("purged", purged)
                .add("nodes", cluster.members())
                .add("acknowledged", acknowledged)
                .build();
    }

    private Response refused(String authorization) {
        return access.refused(request, authorization);
    }

    /** {@code answer} if the call is allowed ({@link #refused}). */
    private Response ifAllowed(String authorization, Supplier<Response> answer) {
        Response refused = refused(authorization);
        return refused != null ? refused : answer.get();
    }

    private Response authorized(String authorization, InputStream body, Function<byte[], Response> action) {
        Response refused = refused(authorization);
        if (refused != null) {
            return refused;
        }
        try {
            return action.apply(AdminJson.readBody(body));
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(e.getMessage());
        } catch (IOException e) {
            return Problems.badRequest("the body could not be read: " + e.getMessage());
        }
    }

    private static Response json(Response.ResponseBuilder response, JsonObject body) {
        return NeverStored.mark(response.type(MediaType.APPLICATION_JSON))
                .entity(body.toString())
                .build();
    }
}
