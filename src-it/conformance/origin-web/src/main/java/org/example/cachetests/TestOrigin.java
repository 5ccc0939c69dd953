package org.example.cachetests;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The origin server of the cache-tests suite (its {@code server/handle-*.mjs}, version 0.4.5), as a JAX-RS resource:
 * the client PUTs the requests of a test to {@code config/<uuid>}, sends them to {@code test/<uuid>}, and reads what
 * this server received from {@code state/<uuid>}. Each answer is the one the test configured for that request
 * number, with the headers that let the client tell a response from the cache ({@code Server-Request-Count}) from
 * one of the server.
 *
 * <p>Differences from the Node server, which the suite's results show: a status outside 100..599 (the Node server's
 * 999, "a conditional request was expected") is answered 599, as JAX-RS allows no other; a configured disconnect
 * closes nothing (the connection belongs to the container); the {@code Isr-Revalidate} field of the module's own
 * revalidation requests is left out of the state, since it carries the node's revalidation secret.
 */
@Path("/")
@RequestScoped
public class TestOrigin {

    /** Every method of the suite goes to the same answer; the file part is for tests that name one. */
    private static final String TEST = "test/{uuid}{file: (/.*)?}";

    private static final Set<String> DATE_FIELDS = Set.of("date", "expires", "last-modified", "if-modified-since",
            "if-unmodified-since");
    private static final Set<String> LOCATION_FIELDS = Set.of("location", "content-location");
    private static final Set<Integer> NO_BODY = Set.of(204, 304);
    private static final String SECRET_FIELD = "isr-revalidate";

    @Inject
    TestStates tests;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @PUT
    @Path("config/{uuid}")
    public Response config(@PathParam("uuid") String uuid, String body) {
        JsonArray requests;
        try {
            requests = Json.createReader(new StringReader(body)).readArray();
        } catch (RuntimeException e) {
            return plain(400, "not a JSON array of requests");
        }
        if (tests.configs.putIfAbsent(uuid, requests) != null) {
            return plain(409, "Config already exists for " + uuid);
        }
        return Response.status(201).entity("OK").type("text/plain").build();
    }

    @GET
    @Path("state/{uuid}")
    public Response state(@PathParam("uuid") String uuid) {
        List<JsonObject> state = tests.states.get(uuid);
        if (state == null) {
            return plain(404, "State not found for " + uuid);
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        synchronized (state) {
            state.forEach(array::add);
        }
        return Response.ok(array.build().toString(), "text/plain").build();
    }

    @GET
    @Path(TEST)
    public Response get(@PathParam("uuid") String uuid) {
        return test(uuid);
    }

    @HEAD
    @Path(TEST)
    public Response head(@PathParam("uuid") String uuid) {
        return test(uuid);
    }

    @POST
    @Path(TEST)
    public Response post(@PathParam("uuid") String uuid, byte[] ignored) {
        return test(uuid);
    }

    @PUT
    @Path(TEST)
    public Response put(@PathParam("uuid") String uuid, byte[] ignored) {
        return test(uuid);
    }

    @DELETE
    @Path(TEST)
    public Response delete(@PathParam("uuid") String uuid) {
        return test(uuid);
    }

    @MSEARCH
    @Path(TEST)
    public Response search(@PathParam("uuid") String uuid) {
        return test(uuid);
    }

    /** server/handle-test.mjs */
    private Response test(String uuid) {
        String method = request.getMethod();
        JsonArray requests = tests.configs.get(uuid);
        if (requests == null) {
            return plain(409, "Requests not found for " + uuid);
        }
        List<JsonObject> state = tests.states.computeIfAbsent(uuid, k -> new ArrayList<>());
        int serverNumber;
        synchronized (state) {
            serverNumber = state.size() + 1;
        }
        String clientNumberField = headers.getHeaderString("Req-Num");
        int clientNumber = parseIntOrZero(clientNumberField);
        int number = clientNumber > 0 ? clientNumber : serverNumber;
        if (number > requests.size()) {
            return plain(409, "config not found for request " + serverNumber + " (anticipating " + requests.size()
                    + ")");
        }
        JsonObject config = requests.getJsonObject(number - 1);
        long now = tests.clock.millis();

        int status = 200;
        if (config.containsKey("response_status")) {
            status = config.getJsonArray("response_status").getInt(0);
        }
        if (config.getString("expected_type", "").endsWith("validated")) {
            status = 999;
            String lastModified = previousField(uuid, number - 1, requests, "Last-Modified");
            if (lastModified != null && lastModified.equals(headers.getHeaderString("If-Modified-Since"))) {
                status = 304;
            }
            String etag = previousField(uuid, number - 1, requests, "ETag");
            if (etag != null && etag.equals(headers.getHeaderString("If-None-Match"))) {
                status = 304;
            }
        }

        Fields fields = new Fields();
        String baseUrl = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        String capability = headers.getHeaderString("Surrogate-Capability");
        fields.add("Server-Base-Url", baseUrl);
        fields.add("Server-Request-Count", Integer.toString(serverNumber));
        fields.add("Client-Request-Count", clientNumberField == null ? "NaN" : Integer.toString(clientNumber));
        fields.add("Server-Now", Long.toString(now));
        fields.add("Capability-Seen", capability == null ? "" : capability);
        // as Node's Map of saved fields: one entry per name, in the order first saved, with all its values at the end
        Map<String, String> savedNames = new LinkedHashMap<>();
        Map<String, String> sentNow = new LinkedHashMap<>();
        JsonArray configured = config.containsKey("response_headers") ? config.getJsonArray("response_headers")
                : JsonValue.EMPTY_JSON_ARRAY;
        for (JsonValue each : configured) {
            JsonArray header = each.asJsonArray();
            String name = header.getString(0);
            String value = fixup(name, header.get(1), config, now, baseUrl, capability);
            sentNow.put(name.toLowerCase(Locale.ROOT), value);
            fields.add(name, value);
            if (header.size() < 3 || header.get(2) == JsonValue.TRUE) {
                savedNames.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        JsonArrayBuilder saved = Json.createArrayBuilder();
        savedNames.forEach((lower, name) -> {
            List<String> values = fields.byName.get(lower).values();
            saved.add(Json.createArrayBuilder().add(name).add(values.size() == 1 ? Json.createValue(values.get(0))
                    : Json.createArrayBuilder(values).build()));
        });
        tests.sent.computeIfAbsent(uuid, k -> new ConcurrentHashMap<>()).put(number, sentNow);

        JsonObjectBuilder requestFields = Json.createObjectBuilder();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(SECRET_FIELD)) {
                requestFields.add(name.toLowerCase(Locale.ROOT), String.join(", ", values));
            }
        });
        JsonObjectBuilder record = Json.createObjectBuilder().add("request_method", method)
                .add("request_headers", requestFields).add("response_headers", saved);
        if (clientNumberField == null) {
            record.addNull("request_num");
        } else {
            record.add("request_num", clientNumber);
        }
        StringBuilder numbers = new StringBuilder();
        synchronized (state) {
            state.add(record.build());
            for (JsonObject seen : state) {
                numbers.append(numbers.isEmpty() ? "" : " ").append(seen.isNull("request_num") ? "NaN"
                        : Integer.toString(seen.getInt("request_num")));
            }
        }
        fields.add("Request-Numbers", numbers.toString());

        Response.ResponseBuilder response = Response.status(status > 599 || status < 100 ? 599 : status);
        fields.byName.values().forEach(field -> field.values().forEach(value -> response.header(field.name(), value)));
        if (!fields.byName.containsKey("content-type")) {
            response.header("Content-Type", "text/plain");
        }
        if (!NO_BODY.contains(status)) {
            // Node's reqConfig.response_body || uuid: a null or empty body is the uuid
            String body = config.get("response_body") instanceof JsonString text && !text.getString().isEmpty()
                    ? text.getString() : uuid;
            response.entity(body.getBytes(StandardCharsets.UTF_8));
        }
        return response.build();
    }

    /** Response fields in the order set, one per name whatever its case (as Node's {@code setHeader}). */
    private static final class Fields {
        private record Field(String name, List<String> values) {
        }

        final Map<String, Field> byName = new LinkedHashMap<>();

        /** Adds {@code value} to the field {@code name}, returning all its values. */
        List<String> add(String name, String value) {
            Field field = byName.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                    k -> new Field(name, new ArrayList<>()));
            field.values().add(value);
            return field.values();
        }
    }

    /** lib/header-fixup.mjs: relative dates, locations under the base URL, the surrogate capability's target. */
    private static String fixup(String name, JsonValue value, JsonObject config, long now, String baseUrl,
            String capability) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (DATE_FIELDS.contains(lower) && value instanceof JsonNumber delta && delta.isIntegral()) {
            boolean rfc850 = config.containsKey("rfc850date")
                    && config.getJsonArray("rfc850date").getValuesAs(JsonString::getString).contains(lower);
            return HttpDates.format(now, delta.longValue(), rfc850);
        }
        String text = value instanceof JsonString string ? string.getString() : value.toString();
        if (LOCATION_FIELDS.contains(lower) && config.getBoolean("magic_locations", false)) {
            text = text.isEmpty() ? baseUrl : baseUrl + "/" + text;
        }
        if (lower.equals("surrogate-control") && capability != null && !capability.isEmpty()) {
            text = text.replace("CAPABILITY_TARGET", capability.split("=")[0]);
        }
        return text;
    }

    /**
     * The value of {@code name} in the response to request {@code number} of test {@code uuid}, as the Node server
     * reads it from its configuration: as sent if it was (dates made), else as configured (a date not sent stays a
     * number, which matches nothing); null if none.
     */
    private String previousField(String uuid, int number, JsonArray requests, String name) {
        Map<String, String> sent = tests.sent.getOrDefault(uuid, Map.of()).get(number);
        if (sent != null && sent.containsKey(name.toLowerCase(Locale.ROOT))) {
            return sent.get(name.toLowerCase(Locale.ROOT));
        }
        if (number < 1) {
            return null;
        }
        JsonObject config = requests.getJsonObject(number - 1);
        String found = null;
        for (JsonValue each : config.getOrDefault("response_headers", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            JsonArray header = each.asJsonArray();
            if (header.getString(0).equalsIgnoreCase(name)) {
                found = header.get(1) instanceof JsonString value ? value.getString() : header.get(1).toString();
            }
        }
        return found;
    }

    private static int parseIntOrZero(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Response plain(int status, String message) {
        return Response.status(status).entity(message + "\n").type("text/plain").build();
    }
}
