package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What may be stored (RFC 9111 section 3 and 3.5, the contract sections 2 and 3), and why not. */
class Rfc9111StorageTest {

    private final ResponseStorability storability = new ResponseStorability(IsrConfig.DEFAULT_STORABLE_STATUSES, false);

    /** Header fields given as {@code Name: value; Name: value}. */
    private static HeaderLookup fields(String spec) {
        return Fields.lines(spec);
    }

    @ParameterizedTest(name = "[{index}] {0} {2} [{3}] auth={1} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            GET  | false | 200 | Cache-Control: s-maxage=60                              | store
            GET  | false | 200 | Cache-Control: max-age=60                               | store
            GET  | false | 404 | Cache-Control: s-maxage=60                              | store
            GET  | false | 301 | Cache-Control: s-maxage=60                              | store
            GET  | false | 204 | Cache-Control: s-maxage=60                              | store
            POST | false | 200 | Cache-Control: s-maxage=60                              | method
            HEAD | false | 200 | Cache-Control: s-maxage=60                              | method
            GET  | false | 500 | Cache-Control: s-maxage=60                              | store
            GET  | false | 599 | Cache-Control: s-maxage=60                              | store
            GET  | false | 299 | Cache-Control: s-maxage=60                              | store
            GET  | false | 206 | Cache-Control: s-maxage=60                              | status
            GET  | false | 304 | Cache-Control: s-maxage=60                              | status
            GET  | false | 200 | Cache-Control: must-understand, no-store, s-maxage=60   | store
            GET  | false | 599 | Cache-Control: must-understand, no-store, s-maxage=60   | status
            GET  | false | 599 | Cache-Control: must-understand, s-maxage=60             | status
            GET  | false | 200 | Cache-Control: s-maxage=60; Set-Cookie: a=b             | set-cookie
            GET  | false | 200 | Cache-Control: s-maxage=-1                              | malformed-cache-control
            GET  | false | 200 | Cache-Control: private, s-maxage=60                     | private
            GET  | false | 200 | Cache-Control: private, no-store                        | private
            GET  | false | 200 | Cache-Control: no-store, s-maxage=60                    | no-store
            GET  | false | 200 | Cache-Control: no-cache, s-maxage=60                    | no-cache
            GET  | false | 200 | Cache-Control: no-cache; ETag: "a"                      | store
            GET  | false | 200 | Cache-Control: no-cache; Last-Modified: Sun, 06 Nov 1994 08:49:37 GMT | store
            GET  | false | 404 | Cache-Control: no-cache; ETag: "a"                      | no-cache
            GET  | false | 200 | -                                                       | no-freshness
            GET  | false | 200 | Cache-Control: public                                   | no-freshness
            GET  | false | 200 | Cache-Control: s-maxage=60; Vary: *                     | vary-star
            GET  | false | 200 | Cache-Control: s-maxage=60; Vary: Accept-Language       | store
            GET  | false | 200 | Cache-Control: s-maxage=60; Vary: Accept-Language, *    | vary-star
            GET  | false | 200 | Cache-Control: s-maxage=60; Isr-Vary: query=page        | store
            GET  | false | 200 | Cache-Control: s-maxage=60; Isr-Vary: country=de        | malformed-vary
            GET  | false | 200 | Cache-Control: s-maxage=60; Isr-Vary: cookie=           | malformed-vary
            GET  | false | 200 | Cache-Control: s-maxage=60; Vary: Accept Language       | malformed-vary
            GET  | true  | 200 | Cache-Control: max-age=60                               | authorization
            GET  | true  | 200 | Cache-Control: public, max-age=60                       | store
            GET  | true  | 200 | Cache-Control: s-maxage=60                              | store
            GET  | false | 200 | Cache-Control: s-maxage=0                               | zero-lifetime
            GET  | false | 200 | Cache-Control: s-maxage=0, stale-while-revalidate=30    | store
            GET  | false | 200 | Cache-Control: s-maxage=0, must-revalidate, stale-if-error=30 | zero-lifetime
            GET  | false | 200 | Cache-Control: no-store; CDN-Cache-Control: s-maxage=60 | store
            GET  | false | 200 | Cache-Control: s-maxage=60; CDN-Cache-Control: private  | private
            GET  | false | 200 | Cache-Control: s-maxage=60; Isr-Cache-Control: no-store | no-store
            """)
    void decides(String method, boolean authorization, int status, String headers, String expected) {
        StoreDecision decision = storability.assess(method, authorization, status, fields(headers));
        String actual = decision instanceof StoreDecision.Bypass bypass ? bypass.detail() : "store";
        assertEquals(expected, actual);
    }

    @Test
    void storedPolicyCarriesTheDirectives() {
        StoreDecision decision = storability.assess(
                "GET",
                false,
                200,
                fields("CDN-Cache-Control: s-maxage=60, stale-while-revalidate=30, stale-if-error=600, durable"));
        CachePolicy policy =
                assertInstanceOf(StoreDecision.Store.class, decision).policy();
        assertEquals(Duration.ofSeconds(60), policy.freshFor());
        assertEquals(Duration.ofSeconds(30), policy.staleWhileRevalidate());
        assertEquals(Duration.ofSeconds(600), policy.staleIfError());
        assertEquals(Duration.ofSeconds(660), policy.retainFor());
        assertTrue(policy.durable());
        assertTrue(policy.sharedWithAuthorization(), "s-maxage implies the response may be shared");
    }

    @Test
    void strictSMaxAgeImpliesProxyRevalidate() {
        HeaderLookup headers = fields("Cache-Control: s-maxage=60, stale-while-revalidate=30");
        CachePolicy lenient = ((StoreDecision.Store) storability.assess("GET", false, 200, headers)).policy();
        CachePolicy strict = ((StoreDecision.Store) new ResponseStorability(IsrConfig.DEFAULT_STORABLE_STATUSES, true)
                        .assess("GET", false, 200, headers))
                .policy();
        assertEquals(false, lenient.neverServeStale(), "ISR behaviour: s-maxage may be served stale");
        assertTrue(strict.neverServeStale(), "RFC 9111 5.2.2.10: s-maxage implies proxy-revalidate");
        CachePolicy maxAgeOnly = ((StoreDecision.Store) new ResponseStorability(
                                IsrConfig.DEFAULT_STORABLE_STATUSES, true)
                        .assess("GET", false, 200, fields("Cache-Control: max-age=60, stale-while-revalidate=30")))
                .policy();
        assertEquals(false, maxAgeOnly.neverServeStale(), "max-age alone is not affected");
    }

    @Test
    void storedDecisionCarriesTheVaryRule() {
        StoreDecision decision = storability.assess(
                "GET",
                false,
                200,
                fields("Cache-Control: s-maxage=60; Isr-Vary: query=page, cookie=ab; Vary: Accept-Language"));
        VaryRule rule = assertInstanceOf(StoreDecision.Store.class, decision).varyRule();
        assertEquals(List.of("page"), rule.queryParams());
        assertEquals(List.of("ab"), rule.cookies());
        assertEquals(List.of("accept-language"), rule.headers());
    }

    @Test
    void internalFieldsAreRecognisedInAnyCase() {
        assertTrue(ResponseStorability.isInternalField("ISR-cache-control"));
        assertTrue(ResponseStorability.isInternalField("Isr-Cache-Tag"));
        assertTrue(ResponseStorability.isInternalField("isr-vary"));
        assertEquals(false, ResponseStorability.isInternalField("Cache-Control"));
    }
}
