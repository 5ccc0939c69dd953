package dev.isr.jaxrs;

import java.util.Locale;
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
}
