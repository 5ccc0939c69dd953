package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The foundation, end to end: pages are stored on the first request and served from the cache without rendering on
 * the next, private pages bypass, the targeted field wins, and durable entries survive a restart of the server.
 *
 * <p>Each test uses its own path, so the order matters only for the restart, which runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CachingIT extends DeployedEar {

    @Test
    @Order(1)
    void firstGetIsStoredSecondIsHitWithoutRendering() throws Exception {
        HttpResponse<String> first = Http.get("/books/1");
        assertEquals(200, first.statusCode());
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(first));
        assertEquals(1, Http.renders("/books/1"));

        HttpResponse<String> second = Http.get("/books/1");
        assertEquals(200, second.statusCode());
        assertTrue(Http.cacheStatus(second).matches("isr; hit; ttl=\\d+"), Http.cacheStatus(second));
        assertEquals(first.body(), second.body(), "a hit replays the stored body");
        assertEquals(1, Http.renders("/books/1"), "a hit must not render");
        assertEquals(
                first.headers().firstValue("Content-Type"), second.headers().firstValue("Content-Type"));
        assertEquals(first.headers().firstValue("ETag"), second.headers().firstValue("ETag"));
        assertEquals(
                first.headers().allValues("CDN-Cache-Control"), second.headers().allValues("CDN-Cache-Control"));
        assertEquals(
                "public, max-age=0, must-revalidate",
                second.headers().firstValue("Cache-Control").orElseThrow(),
                "Cache-Control goes out as the application set it");
    }

    @Test
    @Order(2)
    void ageGrowsWhileTheEntryIsServed() throws Exception {
        Http.get("/books/3");
        HttpResponse<String> early = Http.get("/books/3");
        Thread.sleep(2_100); // Age has a resolution of one second: this is real time on a real server
        HttpResponse<String> later = Http.get("/books/3");
        long earlyAge = Long.parseLong(early.headers().firstValue("Age").orElseThrow());
        long laterAge = Long.parseLong(later.headers().firstValue("Age").orElseThrow());
        assertTrue(laterAge >= earlyAge + 2, "Age " + earlyAge + " then " + laterAge);
        assertEquals(1, Http.renders("/books/3"));
    }

    @Test
    @Order(3)
    void privatePageIsBypassedEveryTime() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = Http.get("/me");
            assertEquals(200, response.statusCode());
            assertEquals("isr; fwd=bypass; detail=private", Http.cacheStatus(response));
            assertFalse(response.headers().firstValue("Age").isPresent(), "a rendered page has no Age");
        }
    }

    @Test
    @Order(4)
    void targetedFieldWinsOverCacheControl() throws Exception {
        String page =
                Http.lab("targeted", Http.headers("Cache-Control", "no-store", "CDN-Cache-Control", "s-maxage=60"));
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(page)));
        HttpResponse<String> hit = Http.get(page);
        assertTrue(Http.cacheStatus(hit).startsWith("isr; hit; ttl="), Http.cacheStatus(hit));
        assertEquals("no-store", hit.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(1, Http.renders(page));
    }

    @Test
    @Order(5)
    void isrFieldsAreConsumedNotSent() throws Exception {
        String page = Http.lab(
                "internal",
                Http.headers("Isr-Cache-Control", "max-age=60", "Isr-Vary", "query=a", "Isr-Cache-Tag", "lab"));
        for (HttpResponse<String> response : java.util.List.of(Http.get(page), Http.get(page))) {
            assertFalse(response.headers().firstValue("Isr-Cache-Control").isPresent());
            assertFalse(response.headers().firstValue("Isr-Vary").isPresent());
            assertFalse(response.headers().firstValue("Isr-Cache-Tag").isPresent());
        }
        assertTrue(Http.cacheStatus(Http.get(page)).startsWith("isr; hit;"));
    }

    @Test
    @Order(6)
    void malformedCacheHeadersPassThroughUnstored() throws Exception {
        String page = Http.lab("malformed", Http.headers("Cache-Control", "s-maxage=-5"));
        for (int i = 1; i <= 2; i++) {
            HttpResponse<String> response = Http.get(page);
            assertEquals(200, response.statusCode(), "never a 500");
            assertEquals("isr; fwd=bypass; detail=malformed-cache-control", Http.cacheStatus(response));
            assertEquals(
                    "s-maxage=-5",
                    response.headers().firstValue("Cache-Control").orElseThrow(),
                    "passed through unchanged");
            assertEquals("lab malformed render " + i + "\n", response.body());
        }
    }

    @Test
    @Order(7)
    void noExplicitFreshnessIsNotStored() throws Exception {
        HttpResponse<String> response = Http.get(Http.lab("plain", "{}"));
        assertEquals("isr; fwd=bypass; detail=no-freshness", Http.cacheStatus(response));
    }

    @Test
    @Order(100)
    void durableEntriesSurviveRestartOthersDoNot() throws Exception {
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get("/books/2")), "durable book page");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get("/books")), "list, memory only");
        assertTrue(Http.cacheStatus(Http.get("/books/2")).startsWith("isr; hit;"));
        assertTrue(Http.cacheStatus(Http.get("/books")).startsWith("isr; hit;"));

        TargetServer.current().stop(controller);
        TargetServer.current()
                .start(controller); // the deployment is part of the server configuration and comes back with it

        HttpResponse<String> durable = Http.get("/books/2");
        assertEquals(200, durable.statusCode());
        assertTrue(Http.cacheStatus(durable).startsWith("isr; hit; ttl="), Http.cacheStatus(durable));
        assertEquals(0, Http.renders("/books/2"), "served from the file store, not rendered by the new JVM");

        HttpResponse<String> memoryOnly = Http.get("/books");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(memoryOnly));
        assertEquals(1, Http.renders("/books"));
    }
}
