package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9110 section 14: which single byte range a {@code Range} field selects of a 10-byte body. */
class Rfc9110RangeTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "bytes=0-4        | bytes 0-4/10",
                "bytes=5-         | bytes 5-9/10",
                "bytes=-3         | bytes 7-9/10",
                "bytes=-30        | bytes 0-9/10",
                "bytes=2-2        | bytes 2-2/10",
                "bytes=8-100      | bytes 8-9/10",
                "BYTES=1-2        | bytes 1-2/10",
                "bytes = 1-2      | null",
                "bytes=10-        | bytes */10",
                "bytes=10-20      | bytes */10",
                "bytes=-0         | bytes */10",
                "bytes=4-2        | null",
                "bytes=0-1,3-4    | null",
                "bytes=-          | null",
                "bytes=a-b        | null",
                "items=0-1        | null",
                "bytes=1          | null",
                "null             | null",
                "bytes=99999999999999999999-  | null",
            })
    void selectsOneRangeOrTheWholeBody(String range, String contentRange) {
        ByteRange selected = ByteRange.of(range, 10);
        assertEquals(contentRange, selected == null ? null : selected.contentRange());
    }

    /** A hit: the status, range and bytes answered, with preconditions and If-Range (RFC 9110 sections 13.2.2, 14). */
    @ParameterizedTest(name = "[{index}] {0} [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            GET  | Range: bytes=2-4                                          | 206 bytes 2-4/10 234
            GET  | Range: bytes=20-                                          | 416 bytes */10
            GET  | Range: bytes=0-1,5-6                                      | 200 - 0123456789
            HEAD | Range: bytes=2-4                                          | 200 - 0123456789
            GET  | Range: bytes=2-4; If-Range: "e"                           | 206 bytes 2-4/10 234
            GET  | Range: bytes=2-4; If-Range: "other"                       | 200 - 0123456789
            GET  | Range: bytes=2-4; If-Range: W/"e"                         | 200 - 0123456789
            GET  | Range: bytes=2-4; If-Range: Sun, 06 Nov 1994 08:49:37 GMT | 206 bytes 2-4/10 234
            GET  | Range: bytes=2-4; If-Range: Mon, 07 Nov 1994 08:49:37 GMT | 200 - 0123456789
            GET  | Range: bytes=2-4; If-None-Match: "e"                      | 304 - -
            """)
    void aHitAnswersTheRangeItSelects(String method, String request, String expected) {
        MapCache cache = new MapCache();
        cache.put(new CachedResponse(
                new CacheKey(Entries.ORIGIN, "/r", "", ""),
                200,
                List.of(new Header("ETag", "\"e\""), new Header("Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT")),
                "0123456789".getBytes(StandardCharsets.US_ASCII),
                Entries.T0,
                Entries.policy(60, 0, 0, false),
                List.of(),
                List.of()));
        FrontDoor door = new FrontDoor(
                cache,
                new CacheKeyFactory(IsrConfig.DEFAULT_IGNORED_QUERY_PARAMS),
                new CacheStatus("isr"),
                Revalidator.NONE,
                token -> false,
                new CacheStatistics(),
                new PublicOrigins(List.of()),
                new PassMemory(Duration.ofSeconds(60)));
        Lookup.Serve serve = assertInstanceOf(
                Lookup.Serve.class,
                door.lookup(Entries.request(method, "/r", null, Fields.lines(request)), Entries.T0.plusSeconds(1)));
        String bytes = serve.sendsContent() && serve.contentLength() > 0
                ? new String(
                        serve.entry().body(), serve.contentOffset(), serve.contentLength(), StandardCharsets.US_ASCII)
                : null;
        assertEquals(
                expected,
                serve.status() + " "
                        + (serve.range() == null ? "-" : serve.range().contentRange())
                        + (bytes == null && serve.status() == 416 ? "" : " " + (bytes == null ? "-" : bytes)));
    }
}
