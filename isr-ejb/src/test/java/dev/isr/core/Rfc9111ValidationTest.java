package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Validation of stale entries (RFC 9111 sections 3.2, 4.3.1 and 4.3.4): what the application is asked, and the 304. */
class Rfc9111ValidationTest {

    private static List<Header> headers(String spec) {
        List<Header> fields = new ArrayList<>();
        if (spec != null) {
            HeaderLookup parsed = Fields.lines(spec);
            for (String part : spec.split(";")) {
                String name = part.substring(0, part.indexOf(':')).trim();
                if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                    parsed.values(name).forEach(value -> fields.add(new Header(name, value)));
                }
            }
        }
        return fields;
    }

    private static String spec(List<Header> fields) {
        return String.join(
                "; ", fields.stream().map(f -> f.name() + ": " + f.value()).toList());
    }

    @ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            200 | ETag: "a"; Content-Type: text/html                      | If-None-Match: "a"
            200 | Last-Modified: Sun, 06 Nov 1994 08:49:37 GMT            | If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT
            200 | ETag: W/"a"; Last-Modified: Sun, 06 Nov 1994 08:49:37 GMT | If-None-Match: W/"a"; If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT
            200 | Last-Modified: yesterday                                | -
            200 | Content-Type: text/html                                 | -
            404 | ETag: "a"                                               | -
            """)
    void asksWithTheEntrysValidators(int status, String stored, String expected) {
        CachedResponse entry = new CachedResponse(
                new CacheKey(Entries.ORIGIN, "/p", "", ""),
                status,
                headers(stored),
                new byte[0],
                Entries.T0,
                Entries.policy(60, 0, 0, false),
                List.of(),
                List.of());
        assertEquals(expected == null ? "" : expected, spec(Validators.askingWhetherChanged(entry)));
    }

    @ParameterizedTest(name = "[{index}] {0} + 304 [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ETag: "a"; Cache-Control: max-age=1; X: 1 | Cache-Control: max-age=60           | ETag: "a"; Cache-Control: max-age=60; X: 1
            ETag: "a"; X: 1; X: 2                     | X: 3                                | ETag: "a"; X: 3
            ETag: "a"                                 | Y: new                              | ETag: "a"; Y: new
            ETag: "a"; Content-Length: 10             | Content-Length: 0                   | ETag: "a"; Content-Length: 10
            ETag: "a"                                 | ETag: "b"; x-Test: 1                | ETag: "a"; x-Test: 1
            ETag: "a"; Content-Encoding: gzip         | Content-Encoding: br; Content-Range: bytes 0-1/2 | ETag: "a"; Content-Encoding: gzip
            ETag: "a"; x-test: 1                      | X-Test: 2                           | ETag: "a"; X-Test: 2
            ETag: "a"                                 | -                                   | ETag: "a"
            """)
    void aNotModifiedUpdatesTheStoredFields(String stored, String notModified, String expected) {
        assertEquals(expected, spec(Validators.updated(headers(stored), headers(notModified))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                                         | false
            If-None-Match: "a"                        | true
            If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT | true
            If-Match: *                               | true
            If-Unmodified-Since: Sun, 06 Nov 1994 08:49:37 GMT | true
            If-Range: "a"                             | true
            Cache-Control: no-cache                   | false
            """)
    void aRequestWithPreconditionsIsItsOwn(String request, boolean conditional) {
        assertEquals(conditional, Validators.isConditional(Fields.lines(request)));
    }

    /** A stale entry with validators is rendered asking whether it changed, unless the request asks itself. */
    @ParameterizedTest(name = "[{index}] stale [{0}], request [{1}] -> validating {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ETag: "a" | -                  | true
            -         | -                  | false
            ETag: "a" | If-None-Match: "b" | false
            """)
    void frontDoorAsksWithValidatorsOnlyForItsOwnRequests(String stored, String request, boolean validating) {
        MapCache cache = new MapCache();
        CachedResponse entry = new CachedResponse(
                new CacheKey(Entries.ORIGIN, "/p", "", ""),
                200,
                headers(stored),
                new byte[0],
                Entries.T0,
                new CachePolicy(Duration.ofSeconds(10), Duration.ZERO, Duration.ZERO, false, false, false),
                List.of(),
                List.of());
        cache.put(entry);
        FrontDoor door = new FrontDoor(
                cache,
                new CacheKeyFactory(IsrConfig.DEFAULT_IGNORED_QUERY_PARAMS),
                new CacheStatus("isr"),
                Revalidator.NONE,
                token -> false,
                new CacheStatistics(),
                new PublicOrigins(List.of()),
                new PassMemory(Duration.ofSeconds(60)));
        Lookup lookup =
                door.lookup(Entries.request("GET", "/p", null, Fields.lines(request)), Entries.T0.plusSeconds(60));
        Lookup.Forward forward = assertInstanceOf(Lookup.Forward.class, lookup);
        if (validating) {
            assertSame(entry, forward.validating());
        } else {
            assertNull(forward.validating());
        }
    }
}
