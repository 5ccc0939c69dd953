package dev.isr.jaxrs;

import dev.isr.core.Header;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which response header fields are stored with an entry and replayed on hits. */
final class StoredFields {

    /**
     * Not replayed: hop-by-hop fields (RFC 9110 section 7.6.1), fields the cache computes per answer ({@code Age},
     * {@code Cache-Status}, {@code Content-Length}, {@code Date}), {@code Set-Cookie} (never shared), and the
     * {@code Isr-*} fields this module consumes.
     */
    private static final Set<String> NOT_REPLAYED = Set.of(
            "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
            "age", "cache-status", "content-length", "date", "set-cookie",
            "isr-cache-control", "isr-cache-tag", "isr-vary");

    private StoredFields() {
    }

    static boolean isReplayed(String name) {
        return !NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The replayed fields of a JAX-RS response, as strings; a mutable list. */
    static List<Header> replayed(MultivaluedMap<String, Object> headers) {
        List<Header> result = new ArrayList<>();
        for (Map.Entry<String, List<Object>> field : headers.entrySet()) {
            if (isReplayed(field.getKey())) {
                for (Object value : field.getValue()) {
                    result.add(new Header(field.getKey(), HeaderValues.toString(value)));
                }
            }
        }
        return result;
    }
}
