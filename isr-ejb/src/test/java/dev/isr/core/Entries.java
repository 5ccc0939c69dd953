package dev.isr.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Builds stored entries for tests. */
final class Entries {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** The origin of the test requests and entries. */
    static final String ORIGIN = "http://example.test";

    private Entries() {}

    static CachePolicy policy(long fresh, long swr, long sie, boolean neverStale) {
        return new CachePolicy(
                Duration.ofSeconds(fresh), Duration.ofSeconds(swr), Duration.ofSeconds(sie), neverStale, true, false);
    }

    static CachedResponse entry(String path, CachePolicy policy) {
        return entry(new CacheKey(ORIGIN, path, "", ""), policy, List.of(new Header("Content-Type", "text/plain")));
    }

    /** A request for {@link #ORIGIN} by an anonymous visitor. */
    static IncomingRequest request(String method, String path, String query, HeaderLookup headers) {
        return new IncomingRequest(method, Origin.parse(ORIGIN), path, query, headers, false);
    }

    static CachedResponse entry(CacheKey key, CachePolicy policy, List<Header> headers) {
        return new CachedResponse(
                key, 200, headers, "hello".getBytes(StandardCharsets.UTF_8), T0, policy, List.of(), List.of());
    }
}
