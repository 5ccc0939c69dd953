package dev.isr.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isr.core.Header;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which fields of a rendered response a hit replays: end-to-end fields only, never a cookie or a hop-by-hop field. */
class StoredFieldsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "Content-Type, true",
        "ETag, true",
        "Date, true",
        "Vary, true",
        "Cache-Control, true",
        "Connection, false",
        "Keep-Alive, false",
        "Transfer-Encoding, false",
        "TE, false",
        "Upgrade, false",
        "Proxy-Authenticate, false",
        "Set-Cookie, false",
        "SET-COOKIE, false",
        "Age, false",
        "Cache-Status, false",
        "Content-Length, false",
        "Isr-Cache-Control, false",
        "Isr-Cache-Tag, false",
        "Isr-Vary, false"
    })
    void aFieldIsReplayedUnlessItIsPerHopOrPerVisitor(String name, boolean replayed) {
        assertEquals(replayed, StoredFields.isReplayed(name));
    }

    @org.junit.jupiter.api.Test
    void fieldsNamedInConnectionAreHopByHopForThatResponse() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.add("Connection", "close, X-Per-Hop");
        headers.add("X-Per-Hop", "1");
        headers.add("Content-Type", "text/html");
        headers.add("Link", "</a.css>; rel=preload");
        headers.add("Link", "</b.js>; rel=preload");
        headers.add("Set-Cookie", "visitor=1");
        List<Header> replayed = StoredFields.replayed(headers);
        assertEquals(
                Set.of(
                        new Header("Content-Type", "text/html"),
                        new Header("Link", "</a.css>; rel=preload"),
                        new Header("Link", "</b.js>; rel=preload")),
                Set.copyOf(replayed));
        assertEquals(3, replayed.size());
        assertEquals(
                List.of("</a.css>; rel=preload", "</b.js>; rel=preload"),
                replayed.stream()
                        .filter(field -> field.name().equals("Link"))
                        .map(Header::value)
                        .toList(),
                "the values of one field in their order");
    }
}
