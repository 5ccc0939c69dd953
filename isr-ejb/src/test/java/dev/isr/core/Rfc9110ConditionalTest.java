package dev.isr.core;

import static dev.isr.core.Entries.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditional requests answered from the cache (RFC 9110 sections 13 and 15.4.5, RFC 9111 section 4.3.2). */
class Rfc9110ConditionalTest {

    private static CachedResponse entry(int status, String etag, String lastModified) {
        List<Header> headers = new java.util.ArrayList<>();
        if (etag != null) {
            headers.add(new Header("ETag", etag));
        }
        if (lastModified != null) {
            headers.add(new Header("Last-Modified", lastModified));
        }
        return new CachedResponse(
                new CacheKey(Entries.ORIGIN, "/p", "", ""),
                status,
                headers,
                new byte[0],
                T0,
                new CachePolicy(Duration.ofSeconds(60), Duration.ZERO, Duration.ZERO, false, true, false),
                List.of(),
                List.of());
    }

    private static HeaderLookup request(String name, String value) {
        return n -> n.equalsIgnoreCase(name) ? List.of(value) : List.of();
    }

    @ParameterizedTest(name = "[{index}] ETag {0}, If-None-Match {1} -> 304 {2}")
    @CsvSource(delimiter = '|', textBlock = """
            "abc"   | "abc"              | true
            "abc"   | W/"abc"            | true
            W/"abc" | "abc"              | true
            "abc"   | "xyz", "abc"       | true
            "abc"   | *                  | true
            "abc"   | "xyz"              | false
            "abc"   | abc                | false
            "abc"   | ''                 | false
            """)
    void ifNoneMatchUsesWeakComparison(String etag, String ifNoneMatch, boolean notModified) {
        assertEquals(
                notModified, Preconditions.notModified(entry(200, etag, null), request("If-None-Match", ifNoneMatch)));
    }

    @ParameterizedTest(name = "[{index}] Last-Modified {0}, If-Modified-Since {1} -> 304 {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Wed, 31 Dec 2025 00:00:00 GMT | Wed, 31 Dec 2025 00:00:00 GMT | true
            Wed, 31 Dec 2025 00:00:00 GMT | Thu, 01 Jan 2026 00:00:00 GMT | true
            Thu, 01 Jan 2026 00:00:01 GMT | Thu, 01 Jan 2026 00:00:00 GMT | false
            Wed, 31 Dec 2025 00:00:00 GMT | yesterday                     | false
            """)
    void ifModifiedSinceComparesLastModified(String lastModified, String since, boolean notModified) {
        assertEquals(
                notModified,
                Preconditions.notModified(entry(200, null, lastModified), request("If-Modified-Since", since)));
    }

    @Test
    void withoutLastModifiedTheStoreTimeIsUsed() {
        assertTrue(Preconditions.notModified(
                entry(200, null, null), request("If-Modified-Since", "Thu, 01 Jan 2026 00:00:00 GMT")));
        assertEquals(
                false,
                Preconditions.notModified(
                        entry(200, null, null), request("If-Modified-Since", "Wed, 31 Dec 2025 23:59:59 GMT")));
    }

    @Test
    void ifNoneMatchWinsOverIfModifiedSince() {
        CachedResponse entry = entry(200, "\"abc\"", "Wed, 31 Dec 2025 00:00:00 GMT");
        HeaderLookup both = n -> Map.of(
                        "if-none-match",
                        List.of("\"xyz\""),
                        "if-modified-since",
                        List.of("Thu, 01 Jan 2026 00:00:00 GMT"))
                .getOrDefault(n.toLowerCase(), List.of());
        assertEquals(false, Preconditions.notModified(entry, both));
    }

    @Test
    void non2xxEntriesIgnorePreconditions() {
        assertEquals(false, Preconditions.notModified(entry(404, "\"abc\"", null), request("If-None-Match", "*")));
    }

    @Test
    void frontDoorAnswers304FromAFreshEntry() {
        MapCache cache = new MapCache();
        cache.put(entry(200, "\"abc\"", null));
        FrontDoor frontDoor = new FrontDoor(
                cache,
                new CacheKeyFactory(List.of()),
                new CacheStatus("isr"),
                Revalidator.NONE,
                token -> false,
                new CacheStatistics(),
                new PublicOrigins(List.of()),
                new PassMemory(Duration.ofSeconds(60)));
        Lookup.Serve serve = assertInstanceOf(
                Lookup.Serve.class,
                frontDoor.lookup(
                        Entries.request("GET", "/p", null, request("If-None-Match", "\"abc\"")), T0.plusSeconds(1)));
        assertTrue(serve.notModified());
    }

    @Test
    void entityTagsAreStrongAndDeterministic() {
        String tag = EntityTags.strong(200, "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(tag, EntityTags.strong(200, "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(tag.matches("\"[A-Za-z0-9_-]{22}\""), tag);
        assertTrue(!tag.equals(EntityTags.strong(404, "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals(
                Instant.parse("2025-12-31T00:00:00Z"), Preconditions.parseHttpDate("Wed, 31 Dec 2025 00:00:00 GMT"));
    }
}
