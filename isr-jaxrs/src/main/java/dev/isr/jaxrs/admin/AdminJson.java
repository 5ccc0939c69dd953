package dev.isr.jaxrs.admin;

import dev.isr.core.PurgeRequest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads admin request bodies strictly: a JSON object of at most {@value #MAX_BODY_BYTES} bytes, only the known members,
 * each of the right type. Every violation is an {@link IllegalArgumentException} whose message tells the caller what
 * to fix.
 */
final class AdminJson {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Set<String> PURGE_MEMBERS = Set.of("tags", "paths", "prefixes", "all", "soft");
    private static final Set<String> REVALIDATE_MEMBERS = Set.of("tags", "paths");

    private AdminJson() {}

    /** The body, or an exception if it is larger than the limit. */
    static byte[] readBody(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        return bytes;
    }

    static PurgeRequest purge(byte[] body) {
        JsonObject json = object(body, PURGE_MEMBERS);
        return new PurgeRequest(
                strings(json, "tags"),
                strings(json, "paths"),
                strings(json, "prefixes"),
                bool(json, "all"),
                bool(json, "soft"));
    }

    static PurgeRequest revalidate(byte[] body) {
        JsonObject json = object(body, REVALIDATE_MEMBERS);
        return PurgeRequest.of(strings(json, "tags"), strings(json, "paths"));
    }

    /** A webhook: any JSON object; its {@code tags} and {@code paths} members, if present, must be string arrays. */
    static PurgeRequest webhook(byte[] body) {
        JsonObject json = object(body, null);
        return PurgeRequest.of(strings(json, "tags"), strings(json, "paths"));
    }

    private static JsonObject object(byte[] body, Set<String> allowed) {
        if (body.length == 0) {
            throw new IllegalArgumentException("the body is empty: a JSON object is required");
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("the body is not valid JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IllegalArgumentException("the body must be a JSON object, not " + value.getValueType());
        }
        JsonObject json = value.asJsonObject();
        if (allowed != null) {
            for (String member : json.keySet()) {
                if (!allowed.contains(member)) {
                    throw new IllegalArgumentException(
                            "unknown member \"" + dev.isr.core.Tags.forLog(member) + "\"; allowed: " + allowed);
                }
            }
        }
        return json;
    }

    private static List<String> strings(JsonObject json, String member) {
        JsonValue value = json.get(member);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("\"" + member + "\" must be an array of strings");
        }
        JsonArray array = value.asJsonArray();
        if (array.size() > PurgeRequest.MAX_ITEMS) {
            throw new IllegalArgumentException("\"" + member + "\" has more than " + PurgeRequest.MAX_ITEMS + " items");
        }
        List<String> strings = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (!(item instanceof JsonString string)) {
                throw new IllegalArgumentException("\"" + member + "\" must contain strings only");
            }
            strings.add(string.getString());
        }
        return strings;
    }

    private static boolean bool(JsonObject json, String member) {
        JsonValue value = json.get(member);
        if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        throw new IllegalArgumentException("\"" + member + "\" must be true or false");
    }
}
