package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The caching semantics of the contract (sections 2 to 5) on one node, black-box over HTTP: stale-while-revalidate,
 * stale-if-error, collapsing, conditional requests, keys, what is never stored, and invalidation.
 *
 * <p>Every test uses pages of its own (a book id, a lab page name), so the tests are independent of each other.
 */
class SemanticsIT extends DeployedEar {

    /** Runs {@code count} copies of {@code call} at the same moment and returns their results. */
    private static <T> List<T> concurrently(int count, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private record Timed(HttpResponse<String> response, long millis) {}

    @Test
    void staleWhileRevalidateAnswersAtOnceAndRevalidatesOnceInTheBackground() throws Exception {
        String page = Http.lab(
                "swr",
                "{\"headers\":{\"CDN-Cache-Control\":\"s-maxage=1, stale-while-revalidate=60\"},"
                        + "\"delayMs\":1500}");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(page)));
        Thread.sleep(1_100); // let the entry go stale: real time on a real server

        List<Timed> stale = concurrently(10, () -> {
            long start = System.nanoTime();
            HttpResponse<String> response = Http.get(page);
            return new Timed(response, (System.nanoTime() - start) / 1_000_000);
        });
        for (Timed timed : stale) {
            assertTrue(
                    Http.cacheStatus(timed.response()).matches("isr; hit; ttl=-\\d+; detail=stale-while-revalidate"),
                    Http.cacheStatus(timed.response()));
            assertEquals("lab swr render 1\n", timed.response().body());
            assertTrue(timed.millis() < 750, "a stale answer must not wait for the 1500 ms render: " + timed.millis());
        }

        HttpResponse<String> fresh = Http.awaitBody(page, "render 2");
        assertTrue(Http.cacheStatus(fresh).startsWith("isr; hit; ttl="), Http.cacheStatus(fresh));
        assertEquals(2, Http.renders(page), "ten stale hits, one background revalidation");
    }

    @Test
    void failedRevalidationKeepsTheStaleEntryAndBacksOff() throws Exception {
        String headers = "\"headers\":{\"CDN-Cache-Control\":\"s-maxage=1, stale-while-revalidate=60\"}";
        String page = Http.lab("swr-fail", "{" + headers + "}");
        Http.get(page);
        Http.lab("swr-fail", "{" + headers + ",\"status\":500}");
        Thread.sleep(1_100);

        HttpResponse<String> stale = Http.get(page); // starts a revalidation that answers 500
        assertEquals("lab swr-fail render 1\n", stale.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Http.renders(page) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(300);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> again = Http.get(page);
            assertEquals(200, again.statusCode());
            assertEquals("lab swr-fail render 1\n", again.body(), "the stale entry stays after a failed revalidation");
        }
        assertEquals(2, Http.renders(page), "no new attempt before isr.revalidation.retry-after (30 s)");
    }

    @Test
    void staleIfErrorAnswersWhileTheDataSourceFails() throws Exception {
        String page = Http.lab(
                "sie",
                "{\"headers\":{\"CDN-Cache-Control\":\"s-maxage=1, stale-if-error=60\"}," + "\"readsBookshelf\":true}");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(page)));
        Thread.sleep(1_100);
        try {
            assertEquals(
                    "failing\n",
                    Http.postForm("/demo/datasource", "failing=true").body());
            HttpResponse<String> stale = Http.get(page);
            assertEquals(200, stale.statusCode());
            assertTrue(
                    Http.cacheStatus(stale).matches("isr; hit; ttl=-\\d+; detail=stale-if-error"),
                    Http.cacheStatus(stale));
            assertEquals("lab sie render 1\n", stale.body());
            assertTrue(stale.headers().firstValue("Age").isPresent());
        } finally {
            Http.postForm("/demo/datasource", "failing=false");
        }
        HttpResponse<String> recovered = Http.get(page);
        assertEquals("isr; fwd=stale; stored", Http.cacheStatus(recovered));
        assertEquals("lab sie render 3\n", recovered.body());
    }

    @Test
    void staleIfErrorAnswersWhenTheRenderThrows() throws Exception {
        String headers = "\"headers\":{\"CDN-Cache-Control\":\"s-maxage=1, stale-if-error=60\"}";
        String page = Http.lab("sie-throw", "{" + headers + "}");
        Http.get(page);
        Http.lab("sie-throw", "{" + headers + ",\"fail\":true}");
        Thread.sleep(1_100);
        HttpResponse<String> stale = Http.get(page);
        assertEquals(200, stale.statusCode());
        assertTrue(Http.cacheStatus(stale).endsWith("detail=stale-if-error"), Http.cacheStatus(stale));
        assertEquals("lab sie-throw render 1\n", stale.body());
    }

    @Test
    void withoutStaleIfErrorAFailureIsAnError() throws Exception {
        String headers = "\"headers\":{\"CDN-Cache-Control\":\"s-maxage=1\"}";
        String page = Http.lab("no-sie", "{" + headers + "}");
        Http.get(page);
        Http.lab("no-sie", "{" + headers + ",\"status\":503}");
        Thread.sleep(1_100);
        HttpResponse<String> failed = Http.get(page);
        assertEquals(503, failed.statusCode());
        // an error with explicit freshness is storable (RFC 9111 section 3), as any final status
        assertTrue(Http.cacheStatus(failed).matches("isr; fwd=(stale|uri-miss); stored"), Http.cacheStatus(failed));
    }

    @Test
    void fiftyConcurrentRequestsOnAColdKeyRenderOnce() throws Exception {
        List<HttpResponse<String>> responses = concurrently(50, () -> Http.get("/books/6"));
        assertEquals(1, Http.renders("/books/6"), "one render for the whole stampede");
        long stored = responses.stream()
                .filter(r -> Http.cacheStatus(r).equals("isr; fwd=uri-miss; stored"))
                .count();
        long collapsed = responses.stream()
                .filter(r -> Http.cacheStatus(r).equals("isr; fwd=uri-miss; collapsed"))
                .count();
        assertEquals(1, stored);
        assertEquals(
                50,
                stored
                        + collapsed
                        + responses.stream()
                                .filter(r -> Http.cacheStatus(r).startsWith("isr; hit;"))
                                .count());
        assertTrue(collapsed > 0, "some requests waited for the render");
        for (HttpResponse<String> response : responses) {
            assertEquals(200, response.statusCode());
            assertEquals(responses.get(0).body(), response.body());
        }
    }

    /**
     * Requests waiting for another request's render hold no server thread: with more of them than the server has
     * worker threads, a request for another page is still answered while the render is in flight (had they held
     * threads, it would have queued behind them until the render ended).
     */
    @Test
    void aStampedeWaitsWithoutHoldingTheServersThreads() throws Exception {
        String page = Http.lab(
                "stampede-slow", "{\"headers\":{\"CDN-Cache-Control\":\"s-maxage=60\"}," + "\"delayMs\":5000}");
        CompletableFuture<HttpResponse<String>> leader = Http.getAsync(page);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Http.renders(page) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, Http.renders(page), "the render started");
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            waiting.add(Http.getAsync(page));
        }
        Thread.sleep(500); // the waiters reach the server
        HttpResponse<String> other = Http.get("/demo/renders?path=/elsewhere");
        assertEquals(200, other.statusCode());
        assertFalse(leader.isDone(), "answered while the render was still in flight");
        assertTrue(waiting.stream().noneMatch(CompletableFuture::isDone), "the waiters still wait");
        assertEquals(200, leader.get(30, TimeUnit.SECONDS).statusCode());
        for (CompletableFuture<HttpResponse<String>> response : waiting) {
            HttpResponse<String> answered = response.get(30, TimeUnit.SECONDS);
            assertEquals(leader.get().body(), answered.body(), Http.cacheStatus(answered));
        }
        assertEquals(1, Http.renders(page), "one render for the whole stampede");
    }

    @Test
    void conditionalRequestsAreAnswered304FromTheCache() throws Exception {
        HttpResponse<String> first = Http.get("/books/5");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.matches("\"[A-Za-z0-9_-]+\""), etag);

        HttpResponse<String> notModified = Http.get("/books/5", "If-None-Match", etag);
        assertEquals(304, notModified.statusCode());
        assertEquals("", notModified.body());
        assertEquals(etag, notModified.headers().firstValue("ETag").orElseThrow());
        assertTrue(notModified.headers().firstValue("CDN-Cache-Control").isPresent());
        assertTrue(Http.cacheStatus(notModified).startsWith("isr; hit;"));
        assertTrue(notModified.headers().firstValue("Age").isPresent());

        assertEquals(
                200, Http.get("/books/5", "If-None-Match", "\"something-else\"").statusCode());
        assertEquals(
                304,
                Http.get("/books/5", "If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT")
                        .statusCode());
        assertEquals(
                200,
                Http.get("/books/5", "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")
                        .statusCode());
        assertEquals(1, Http.renders("/books/5"));
    }

    @Test
    void isrVaryQueryAllowListAndTrackingParameters() throws Exception {
        String page =
                Http.lab("vary-query", Http.headers("CDN-Cache-Control", "s-maxage=60", "Isr-Vary", "query=page"));
        // the first render was shown sort, which the rule leaves out of the key: not stored, the rule learned
        assertEquals("isr; fwd=bypass; detail=unkeyed-query", Http.cacheStatus(Http.get(page + "?page=1&sort=a")));
        assertEquals(
                "isr; fwd=uri-miss; stored",
                Http.cacheStatus(Http.get(page + "?sort=b&page=1")),
                "now shown page only");
        assertTrue(
                Http.cacheStatus(Http.get(page + "?sort=c&page=1")).startsWith("isr; hit;"),
                "sort is not part of the key");
        assertTrue(Http.cacheStatus(Http.get(page + "?page=1&utm_source=news&fbclid=x"))
                .startsWith("isr; hit;"));
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(page + "?page=2")));
        assertEquals(3, Http.renders(page));

        String tracked = Http.lab("tracking", Http.headers("CDN-Cache-Control", "s-maxage=60"));
        Http.get(tracked + "?q=isr&b=2");
        HttpResponse<String> hit = Http.get(tracked + "?utm_campaign=x&b=2&gclid=y&q=isr&mc_cid=z");
        assertTrue(Http.cacheStatus(hit).startsWith("isr; hit;"), Http.cacheStatus(hit));
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(tracked + "?q=other&b=2")));
    }

    @Test
    void varyHeaderAndIsrVaryCookieSelectVariants() throws Exception {
        String page =
                Http.lab("vary-lang", Http.headers("CDN-Cache-Control", "s-maxage=60", "Vary", "Accept-Language"));
        HttpResponse<String> en = Http.get(page, "Accept-Language", "en");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(en));
        assertEquals(en.body(), Http.get(page, "Accept-Language", "en").body());
        HttpResponse<String> de = Http.get(page, "Accept-Language", "de");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(de));
        assertNotEquals(en.body(), de.body());
        assertTrue(Http.cacheStatus(Http.get(page, "Accept-Language", "de")).startsWith("isr; hit;"));
        assertEquals(2, Http.renders(page));

        String cookies =
                Http.lab("vary-cookie", Http.headers("CDN-Cache-Control", "s-maxage=60", "Isr-Vary", "cookie=ab"));
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(cookies, "Cookie", "ab=1")));
        assertTrue(
                Http.cacheStatus(Http.get(cookies, "Cookie", "session=xyz; ab=1"))
                        .startsWith("isr; hit;"),
                "other cookies are not part of the key");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(cookies, "Cookie", "ab=2")));
    }

    @Test
    void varyStarIsNeverStored() throws Exception {
        String page = Http.lab("vary-star", Http.headers("CDN-Cache-Control", "s-maxage=60", "Vary", "*"));
        assertEquals("isr; fwd=bypass; detail=vary-star", Http.cacheStatus(Http.get(page)));
        assertEquals("isr; fwd=bypass; detail=vary-star", Http.cacheStatus(Http.get(page)));
    }

    @Test
    void authorizationIsStoredOnlyWhenTheResponseSaysShared() throws Exception {
        String page = Http.lab("auth-private", Http.headers("Cache-Control", "max-age=60"));
        assertEquals(
                "isr; fwd=bypass; detail=authorization",
                Http.cacheStatus(Http.get(page, "Authorization", "Bearer alice")));
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(page)), "nothing was stored for alice");
        assertEquals(
                "isr; fwd=bypass; detail=authorization",
                Http.cacheStatus(Http.get(page, "Authorization", "Bearer bob")),
                "not served to an authorized request");

        String shared = Http.lab("auth-shared", Http.headers("Cache-Control", "s-maxage=60"));
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(shared, "Authorization", "Bearer a")));
        assertTrue(
                Http.cacheStatus(Http.get(shared, "Authorization", "Bearer b")).startsWith("isr; hit;"));
    }

    @Test
    void setCookieIsNeverStored() throws Exception {
        String page = Http.lab("cookie", Http.headers("CDN-Cache-Control", "s-maxage=60", "Set-Cookie", "id=alice"));
        HttpResponse<String> first = Http.get(page);
        assertEquals("isr; fwd=bypass; detail=set-cookie", Http.cacheStatus(first));
        assertEquals("id=alice", first.headers().firstValue("Set-Cookie").orElseThrow());
        Http.get(page);
        assertEquals(2, Http.renders(page), "a response with Set-Cookie is never replayed to another visitor");
    }

    @Test
    void headIsAnsweredFromTheGetEntry() throws Exception {
        HttpResponse<String> get = Http.get("/books/7");
        HttpResponse<String> head = Http.head("/books/7");
        assertEquals(200, head.statusCode());
        assertTrue(Http.cacheStatus(head).startsWith("isr; hit;"), Http.cacheStatus(head));
        assertEquals("", head.body());
        assertEquals(
                String.valueOf(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                head.headers().firstValue("Content-Length").orElseThrow());

        assertEquals("isr; fwd=uri-miss", Http.cacheStatus(Http.head("/books/8")), "a HEAD miss stores nothing");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get("/books/8")));
    }

    @Test
    void successfulPostInvalidatesThePath() throws Exception {
        Http.get("/books/9");
        assertTrue(Http.cacheStatus(Http.get("/books/9")).startsWith("isr; hit;"));
        HttpResponse<String> post = Http.postForm("/books/9", "title=Durable+by+Design&summary=Edited");
        assertEquals(303, post.statusCode());
        assertEquals("isr; fwd=method", Http.cacheStatus(post));
        HttpResponse<String> after = Http.get("/books/9");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(after));
        assertTrue(after.body().contains("Durable by Design"), after.body());
    }

    @Test
    void failedPostInvalidatesNothing() throws Exception {
        Http.get("/books/11");
        assertEquals(400, Http.postForm("/books/11", "title=&summary=x").statusCode());
        assertTrue(Http.cacheStatus(Http.get("/books/11")).startsWith("isr; hit;"));
    }

    @Test
    void forgedRevalidationHeaderCannotForceARender() throws Exception {
        Http.get("/books/10");
        HttpResponse<String> forged = Http.get("/books/10", "Isr-Revalidate", "let-me-in-0123456789");
        assertTrue(Http.cacheStatus(forged).startsWith("isr; hit;"), Http.cacheStatus(forged));
        assertEquals(1, Http.renders("/books/10"));
    }

    @Test
    void tooLargeBodyIsServedInFullButNotStored() throws Exception {
        int size = 5 * 1024 * 1024;
        String page =
                Http.lab("big", "{\"headers\":{\"CDN-Cache-Control\":\"s-maxage=60\"},\"bodyBytes\":" + size + "}");
        HttpResponse<String> first = Http.get(page);
        assertEquals("isr; fwd=uri-miss; detail=too-large", Http.cacheStatus(first));
        assertEquals(size, first.body().length());
        assertEquals(size, Http.get(page).body().length());
        assertEquals(2, Http.renders(page));
    }

    @Test
    void notFoundIsStoredLikeAPage() throws Exception {
        assertEquals(404, Http.get("/books/999").statusCode());
        HttpResponse<String> again = Http.get("/books/999");
        assertEquals(404, again.statusCode());
        assertTrue(Http.cacheStatus(again).startsWith("isr; hit;"), Http.cacheStatus(again));
        assertFalse(again.body().isEmpty());
    }
}
