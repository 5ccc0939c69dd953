package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fast lane on WildFly (isr-undertow): every kind of hit is answered before servlet dispatch, counted in
 * {@code beforeServlet} of {@code /isr/stats}; everything else goes on to the Servlet filter unchanged, and is not
 * counted there. The answers themselves are those the other test classes check, through the same lane.
 */
@Tag("wildfly-only")
class FastLaneIT extends DeployedEar {

    private static final String TOKEN = "it-admin-token-0123456789";
    private static final Pattern BEFORE_SERVLET = Pattern.compile("\"beforeServlet\":(\\d+)");

    @Override
    void beforeDeploy() throws Exception {
        ServerProperties.set("isr.admin.token", TOKEN);
    }

    @AfterAll
    static void removeToken() throws Exception {
        ServerProperties.remove("isr.admin.token");
    }

    private static long beforeServlet() throws Exception {
        HttpResponse<String> stats = Http.send(Http.request("/isr/stats")
                .header("Authorization", "Bearer " + TOKEN)
                .GET());
        assertEquals(200, stats.statusCode(), stats.body());
        Matcher count = BEFORE_SERVLET.matcher(stats.body());
        assertTrue(count.find(), stats.body());
        return Long.parseLong(count.group(1));
    }

    /** Runs {@code request} and returns how many answers it added before servlet dispatch. */
    private static long counted(ThrowingRunnable request) throws Exception {
        long before = beforeServlet();
        request.run();
        return beforeServlet() - before;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void freshHitHeadAndNotModifiedAreAnsweredBeforeServletDispatch() throws Exception {
        assertEquals(
                0,
                counted(() -> assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get("/books/1")))),
                "a miss goes on");
        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
        assertEquals(1, counted(() -> answer.set(Http.get("/books/1"))));
        HttpResponse<String> hit = answer.get();
        assertTrue(Http.cacheStatus(hit).startsWith("isr; hit; ttl="), Http.cacheStatus(hit));
        assertEquals(200, hit.statusCode());
        assertEquals(
                String.valueOf(hit.body().getBytes(StandardCharsets.UTF_8).length),
                hit.headers().firstValue("Content-Length").orElseThrow());
        assertTrue(hit.headers().firstValue("Age").isPresent());

        assertEquals(1, counted(() -> {
            HttpResponse<String> head = Http.head("/books/1");
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            assertTrue(Http.cacheStatus(head).startsWith("isr; hit;"), Http.cacheStatus(head));
        }));
        String etag = hit.headers().firstValue("ETag").orElseThrow();
        assertEquals(1, counted(() -> {
            HttpResponse<String> notModified = Http.get("/books/1", "If-None-Match", etag);
            assertEquals(304, notModified.statusCode());
            assertEquals(etag, notModified.headers().firstValue("ETag").orElseThrow());
            assertEquals("", notModified.body());
        }));
    }

    @Test
    void staleHitIsAnsweredBeforeServletDispatchAndRevalidated() throws Exception {
        String page = Http.lab(
                "fast-swr", "{\"headers\":{\"CDN-Cache-Control\":\"s-maxage=1, " + "stale-while-revalidate=60\"}}");
        Http.get(page);
        Thread.sleep(1_100);
        assertEquals(
                1,
                counted(() -> assertTrue(Http.cacheStatus(Http.get(page)).endsWith("detail=stale-while-revalidate"))));
        HttpResponse<String> revalidated = Http.awaitBody(page, "render 2");
        assertTrue(Http.cacheStatus(revalidated).startsWith("isr; hit;"), Http.cacheStatus(revalidated));
    }

    @Test
    void everythingElseGoesOnToTheServletFilter() throws Exception {
        Http.get("/books/2");
        assertEquals(
                0,
                counted(() -> Http.send(Http.request("/books/2").POST(HttpRequest.BodyPublishers.noBody()))),
                "POST");
        assertEquals(
                0,
                counted(() -> assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get("/books/3")))),
                "miss");
        String bypassed = Http.lab("fast-bypass", "{\"headers\":{\"Cache-Control\":\"no-store\"}}");
        assertEquals(0, counted(() -> Http.get(bypassed)), "not storable");
        assertEquals(
                0,
                counted(() -> Http.get("/books/2", "Isr-Revalidate", "forged")),
                "a revalidation header, even a forged one");
    }
}
