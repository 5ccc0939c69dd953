package dev.isr.jaxrs;

import dev.isr.core.Header;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which response header fields are stored with an entry and replayed on hits. */
final class StoredFields {

    /**
     * Not replayed: hop-by-hop fields (RFC 9110 section 7.6.1), the proxy authentication fields (RFC 9111 section
     * 3.1), fields the cache computes per answer ({@code Age},
     * {@code Cache-Status}, {@code Content-Length}), {@code Set-Cookie} (never shared), and the {@code Isr-*} fields
     * this module consumes. {@code Date} is replayed: it says when the response was generated (RFC 9110 section
     * 6.6.1), which the {@code Age} of a hit counts from.
     */
    private static final Set<String> NOT_REPLAYED = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "proxy-authenticate",
            "proxy-authentication-info",
            "proxy-authorization",
            "age",
            "cache-status",
            "content-length",
            "set-cookie",
            "isr-cache-control",
            "isr-cache-tag",
            "isr-vary");

    private StoredFields() {}

    static boolean isReplayed(String name) {
        return !NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The replayed fields of a JAX-RS response, as strings; a mutable list. Fields named in {@code Connection} are
     * hop-by-hop for this response (RFC 9110 section 7.6.1) and left out too.
     */
    static List<Header> replayed(MultivaluedMap<String, Object> headers) {
        Set<String> connection = new HashSet<>();
        for (Map.Entry<String, List<Object>> field : headers.entrySet()) {
            if (field.getKey().equalsIgnoreCase("Connection")) {
                for (Object value : field.getValue()) {
                    for (String name : HeaderValues.toString(value).split(",")) {
                        connection.add(name.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        List<Header> result = new ArrayList<>();
        for (Map.Entry<String, List<Object>> field : headers.entrySet()) {
            if (isReplayed(field.getKey())
                    && !connection.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                for (Object value : field.getValue()) {
                    result.add(new Header(field.getKey(), HeaderValues.toString(value)));
                }
            }
        }
        return result;
    }
}
