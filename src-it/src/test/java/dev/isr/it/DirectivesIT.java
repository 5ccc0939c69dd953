package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each directive of the contract (section 3) against the deployed module, with hand-written responses from the demo's
 * lab: what the first request reports, and whether the second is a hit.
 */
class DirectivesIT extends DeployedEar {

    @ParameterizedTest(name = "[{index}] {0}: {1} -> {3}")
    @CsvSource(delimiter = '#', textBlock = """
            d-smaxage    # CDN-Cache-Control # s-maxage=60                      # isr; fwd=uri-miss; stored                    # true
            d-maxage     # CDN-Cache-Control # max-age=60                       # isr; fwd=uri-miss; stored                    # true
            d-isr        # Isr-Cache-Control # s-maxage=60                      # isr; fwd=uri-miss; stored                    # true
            d-cc         # Cache-Control     # public, s-maxage=60              # isr; fwd=uri-miss; stored                    # true
            d-durable    # CDN-Cache-Control # s-maxage=60, durable             # isr; fwd=uri-miss; stored                    # true
            d-private    # CDN-Cache-Control # s-maxage=60, private             # isr; fwd=bypass; detail=private              # false
            d-nostore    # CDN-Cache-Control # s-maxage=60, no-store            # isr; fwd=bypass; detail=no-store             # false
            d-nocache    # CDN-Cache-Control # s-maxage=60, no-cache            # isr; fwd=bypass; detail=no-cache             # false
            d-public     # CDN-Cache-Control # public                           # isr; fwd=bypass; detail=no-freshness         # false
            d-zero       # CDN-Cache-Control # s-maxage=0                       # isr; fwd=bypass; detail=zero-lifetime        # false
            d-invalid    # CDN-Cache-Control # s-maxage=abc                     # isr; fwd=bypass; detail=no-freshness         # false
            d-malformed  # Cache-Control     # max-age=1.5                      # isr; fwd=bypass; detail=malformed-cache-control # false
            d-unknown    # CDN-Cache-Control # s-maxage=60, x-experimental=1    # isr; fwd=uri-miss; stored                    # true
            """)
    void directive(String name, String field, String value, String firstStatus, boolean secondIsHit) throws Exception {
        String page = Http.lab(name, Http.headers(field, value));
        assertEquals(firstStatus, Http.cacheStatus(Http.get(page)));
        HttpResponse<String> second = Http.get(page);
        assertEquals(secondIsHit, Http.cacheStatus(second).startsWith("isr; hit;"), Http.cacheStatus(second));
        assertEquals(secondIsHit ? 1 : 2, Http.renders(page));
    }

    @ParameterizedTest(name = "[{index}] {1} is never served stale")
    @CsvSource(delimiter = '#', textBlock = """
            d-mustreval  # s-maxage=1, stale-while-revalidate=60, stale-if-error=60, must-revalidate
            d-proxyreval # s-maxage=1, stale-while-revalidate=60, proxy-revalidate
            """)
    void revalidateDirectivesForbidStale(String name, String value) throws Exception {
        String page = Http.lab(name, Http.headers("CDN-Cache-Control", value));
        Http.get(page);
        Thread.sleep(1_100); // real time on a real server
        HttpResponse<String> expired = Http.get(page);
        // an entry that may never be served stale is retained only while fresh, so it is gone: a miss
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(expired));
        assertEquals(2, Http.renders(page));
    }

    @Test
    void staleWhileRevalidateReportsNegativeTtl() throws Exception {
        String page = Http.lab("d-swr", Http.headers("CDN-Cache-Control", "s-maxage=1, stale-while-revalidate=60"));
        Http.get(page);
        Thread.sleep(1_100);
        String status = Http.cacheStatus(Http.get(page));
        assertTrue(status.matches("isr; hit; ttl=-\\d+; detail=stale-while-revalidate"), status);
    }
}
