package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The declarative API end to end: the demo's {@code @Isr} pages ({@code /demo/annotated/...}) and the page that uses
 * {@code IsrContext} alone are cached with the declared lifetimes and tags, purged by templated tags, refined by a
 * service, marked uncacheable, and overridden by fields the application sets explicitly (docs/headers.md, "The @Isr
 * annotation and IsrContext"). A bad annotation failing the deployment is tested under Weld (isr-jaxrs
 * {@code IsrValidationTest}): here it would take a second, broken EAR.
 */
class AnnotationIT extends DeployedEar {

    private static final String BASE = "/demo/annotated";
    private static final Pattern TTL = Pattern.compile("isr; hit; ttl=(-?\\d+)(; .*)?");

    @Override
    void beforeDeploy() throws Exception {
        ServerProperties.set("isr.admin.token", AdminIT.TOKEN);
    }

    private static HttpResponse<String> purge(String json) throws Exception {
        HttpResponse<String> response = Http.send(Http.request("/isr/purge")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + AdminIT.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    /** The {@code ttl} of a hit, failing when the response was not one. */
    private static long hitTtl(String page) throws Exception {
        HttpResponse<String> response = Http.get(page);
        Matcher hit = TTL.matcher(Http.cacheStatus(response));
        assertTrue(hit.matches(), page + ": " + Http.cacheStatus(response));
        return Long.parseLong(hit.group(1));
    }

    private static void assertStored(String page) throws Exception {
        HttpResponse<String> response = Http.get(page);
        assertEquals(200, response.statusCode(), page + ": " + response.body());
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(response), page);
        assertTrue(response.headers().firstValue("Isr-Cache-Control").isEmpty(), "Isr-* fields never leave");
        assertTrue(response.headers().firstValue("Isr-Cache-Tag").isEmpty(), "Isr-* fields never leave");
    }

    @Test
    void anAnnotatedPageIsStoredWithItsDeclaredLifetime() throws Exception {
        String page = BASE + "/books/7";
        assertStored(page);
        long ttl = hitTtl(page);
        assertTrue(ttl > 50 && ttl <= 60, "maxAge = 60s, ttl " + ttl);
        assertEquals(1, Http.renders(page), "a hit must not render");
    }

    @Test
    void aPurgeByATemplatedTagRemovesExactlyThatPage() throws Exception {
        String eight = BASE + "/books/8";
        String nine = BASE + "/books/9";
        assertStored(eight);
        assertStored(nine);
        assertEquals(
                "{\"purged\":1,\"nodes\":1}",
                Http.counts(purge("{\"tags\":[\"book-8\"]}").body()),
                "book-{id} with id 8");
        assertStored(eight);
        hitTtl(nine);
    }

    @Test
    void theClassLevelAnnotationAppliesToMethodsWithoutTheirOwn() throws Exception {
        String page = BASE + "/class-level";
        assertStored(page);
        long ttl = hitTtl(page);
        assertTrue(ttl > 20 && ttl <= 30, "the class's maxAge = 30s, ttl " + ttl);
        purge("{\"tags\":[\"annotated\"]}");
        assertStored(page);
    }

    @Test
    void staleWhileRevalidateServesStaleAndRendersAgainInTheBackground() throws Exception {
        String page = BASE + "/swr";
        assertStored(page);
        Thread.sleep(2_100); // maxAge = 1s: real time on a real server
        HttpResponse<String> stale = Http.get(page);
        assertTrue(
                Http.cacheStatus(stale).matches("isr; hit; ttl=-\\d+; detail=stale-while-revalidate"),
                Http.cacheStatus(stale));
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (Http.renders(page) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(2, Http.renders(page), "one background revalidation, itself declared by @Isr");
    }

    @Test
    void aStrictPageIsNeverServedStale() throws Exception {
        String page = BASE + "/strict";
        assertStored(page);
        Thread.sleep(2_100);
        // never served stale: rendered again (the entry is kept only as long as it is fresh, so it may be gone)
        assertTrue(
                Http.cacheStatus(Http.get(page)).matches("isr; fwd=(stale|uri-miss); stored"),
                "strict = true: proxy-revalidate, whatever staleWhileRevalidate says");
    }

    @Test
    void aServiceAddsATagAndExtendsTheLifetimeThroughIsrContext() throws Exception {
        String page = BASE + "/authors/herbert";
        assertStored(page);
        long ttl = hitTtl(page);
        assertTrue(ttl > 240 && ttl <= 300, "the service set 5 min over the annotation's 60 s, ttl " + ttl);
        assertEquals(
                "{\"purged\":1,\"nodes\":1}",
                Http.counts(purge("{\"tags\":[\"author-herbert\"]}").body()));
        assertStored(page);
    }

    @Test
    void aServiceMarkingTheResponseUncacheableMakesItABypass() throws Exception {
        String page = BASE + "/authors/le-guin?draft=true";
        HttpResponse<String> draft = Http.get(page);
        assertEquals(200, draft.statusCode());
        assertEquals("isr; fwd=bypass; detail=draft", Http.cacheStatus(draft));
        assertTrue(Http.get(page).body().contains("(draft)"));
        assertStored(BASE + "/authors/le-guin");
    }

    @Test
    void explicitFieldsWinOverTheAnnotation() throws Exception {
        String page = BASE + "/explicit";
        assertStored(page);
        long ttl = hitTtl(page);
        assertTrue(ttl <= 5, "CDN-Cache-Control: s-maxage=5 over the class's 30 s, ttl " + ttl);
        purge("{\"tags\":[\"annotated\"]}");
        hitTtl(page); // Cache-Tag: explicit replaced the class's tag
        assertEquals(
                "{\"purged\":1,\"nodes\":1}",
                Http.counts(purge("{\"tags\":[\"explicit\"]}").body()));
        assertStored(page);
    }

    @Test
    void isrContextAloneMakesAPageCacheable() throws Exception {
        String page = "/demo/declared-in-code";
        assertStored(page);
        long ttl = hitTtl(page);
        assertTrue(ttl > 20 && ttl <= 30, "maxAge(30 s), ttl " + ttl);
        assertEquals(
                "{\"purged\":1,\"nodes\":1}",
                Http.counts(purge("{\"tags\":[\"declared-in-code\"]}").body()));
    }
}
