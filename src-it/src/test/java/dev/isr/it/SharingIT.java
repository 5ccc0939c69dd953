package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A shared cache must never serve one visitor what was made for another, nor what an attacker slipped into a render
 * (docs/security.md). Each test is an attack that worked against the module before it was hardened: it fails on that
 * code and passes now. The server runs with {@code isr.public-origins=http://127.0.0.1:8080,http://localhost:8080}
 * (arquillian.xml), as the docs tell users to configure it.
 */
class SharingIT extends DeployedEar {

    private static final String ECHO = "\"echoRequest\":true";

    @Override
    void beforeDeploy() throws Exception {
        ServerProperties.set("isr.admin.token", AdminIT.TOKEN);
    }

    private static String lab(String name, String headers, String... extra) throws Exception {
        StringBuilder script =
                new StringBuilder("{\"headers\":{").append(headers).append('}');
        for (String field : extra) {
            script.append(',').append(field);
        }
        return Http.lab(name, script.append('}').toString());
    }

    private static long stat(String name) throws Exception {
        HttpResponse<String> stats = Http.get("/isr/stats", "Authorization", "Bearer " + AdminIT.TOKEN);
        Matcher value = Pattern.compile("\"" + name + "\":(\\d+)").matcher(stats.body());
        assertTrue(value.find(), name + " in " + stats.body());
        return Long.parseLong(value.group(1));
    }

    @Test
    void aForgedHostIsNeitherStoredNorServed() throws Exception {
        String page = lab("host", "\"CDN-Cache-Control\":\"s-maxage=60\"", ECHO);
        HttpResponse<String> forged = Http.get(page, "Host", "evil.example");
        assertEquals("isr; fwd=bypass; detail=unknown-origin", Http.cacheStatus(forged));

        HttpResponse<String> visitor = Http.get(page);
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(visitor));
        HttpResponse<String> next = Http.get(page);
        assertTrue(Http.cacheStatus(next).startsWith("isr; hit;"), Http.cacheStatus(next));
        assertTrue(next.body().contains("url http://127.0.0.1:8080/demo/lab/host"), next.body());
        assertFalse(next.body().contains("evil"), next.body());
    }

    @Test
    void aRedirectBuiltForAForgedHostIsNotServedToOthers() throws Exception {
        String page = Http.lab(
                "redirect",
                "{\"status\":301,\"headers\":{\"CDN-Cache-Control\":\"s-maxage=60\"," + "\"Location\":\"/books\"}}");
        HttpResponse<String> forged = Http.get(page, "Host", "evil.example");
        assertEquals("isr; fwd=bypass; detail=unknown-origin", Http.cacheStatus(forged));
        Http.get(page);
        HttpResponse<String> hit = Http.get(page);
        assertTrue(Http.cacheStatus(hit).startsWith("isr; hit;"), Http.cacheStatus(hit));
        assertEquals(301, hit.statusCode());
        String location = hit.headers().firstValue("Location").orElseThrow();
        assertFalse(location.contains("evil"), location);
    }

    @Test
    void eachServedOriginHasEntriesOfItsOwn() throws Exception {
        String page = lab("origins", "\"CDN-Cache-Control\":\"s-maxage=60\"", ECHO);
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(page, "Host", "localhost:8080")));
        HttpResponse<String> other = Http.get(page);
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(other), "another origin, another entry");
        assertTrue(other.body().contains("url http://127.0.0.1:8080/"), other.body());
        HttpResponse<String> again = Http.get(page, "Host", "LOCALHOST:8080");
        assertTrue(Http.cacheStatus(again).startsWith("isr; hit;"), "host names are case-insensitive");
        assertTrue(again.body().contains("url http://localhost:8080/"), again.body());
    }

    @Test
    void aRenderThatCreatesASessionIsNotShared() throws Exception {
        String page = lab("session", "\"CDN-Cache-Control\":\"s-maxage=60\"", "\"createsSession\":true");
        HttpResponse<String> first = Http.get(page);
        assertEquals("isr; fwd=bypass; detail=session", Http.cacheStatus(first));
        assertTrue(
                first.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID=")),
                "the visitor still gets the session");
        HttpResponse<String> second = Http.get(page);
        assertEquals("lab session render 2\n", second.body(), "rendered again, never served the first visitor's");
    }

    @Test
    void aVisitorWithASessionIsNotStoredButIsServed() throws Exception {
        String session = Http.get(lab("login", "\"Cache-Control\":\"no-store\"", "\"createsSession\":true"))
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow()
                .split(";")[0];
        String page = lab("with-session", "\"CDN-Cache-Control\":\"s-maxage=60\"");
        assertEquals("isr; fwd=bypass; detail=session", Http.cacheStatus(Http.get(page, "Cookie", session)));
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(page)));
        assertTrue(
                Http.cacheStatus(Http.get(page, "Cookie", session)).startsWith("isr; hit;"),
                "a shared entry may answer a visitor with a session");
    }

    @Test
    void aCookieSetThroughTheServletApiIsNotShared() throws Exception {
        String page = lab("servlet-cookie", "\"CDN-Cache-Control\":\"s-maxage=60\"", "\"servletCookie\":true");
        HttpResponse<String> first = Http.get(page);
        assertEquals("isr; fwd=bypass; detail=set-cookie", Http.cacheStatus(first));
        assertEquals("lab servlet-cookie render 2\n", Http.get(page).body());
    }

    @Test
    void aPublicVisitorIndependentPageIsSharedDespiteASession() throws Exception {
        String page = lab(
                "opt-in",
                "\"Isr-Cache-Control\":\"public, s-maxage=60, visitor-independent\"",
                "\"createsSession\":true");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(page)));
        HttpResponse<String> hit = Http.get(page);
        assertTrue(Http.cacheStatus(hit).startsWith("isr; hit;"), Http.cacheStatus(hit));
        assertTrue(hit.headers().allValues("Set-Cookie").isEmpty(), "the first visitor's session is not replayed");
    }

    @Test
    void aRequestWithCredentialsIsNotCollapsedOntoAnAnonymousRender() throws Exception {
        // max-age without public: storable, but not to be shared with a request that carries Authorization
        String page = lab("credentials", "\"Cache-Control\":\"max-age=60\"", "\"delayMs\":1500");
        CompletableFuture<HttpResponse<String>> anonymous = CompletableFuture.supplyAsync(() -> {
            try {
                return Http.get(page);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(400); // the anonymous render is under way
        HttpResponse<String> authorized = Http.get(page, "Authorization", "Basic dXNlcjpzZWNyZXQ=");
        assertFalse(Http.cacheStatus(authorized).contains("collapsed"), Http.cacheStatus(authorized));
        assertEquals("lab credentials render 2\n", authorized.body(), "rendered for the authorized request itself");
        assertEquals("lab credentials render 1\n", anonymous.get().body());
    }

    @Test
    void trackingParametersNeverReachTheApplication() throws Exception {
        String page = lab("tracking-echo", "\"CDN-Cache-Control\":\"s-maxage=60\"", ECHO);
        HttpResponse<String> first = Http.get(page + "?utm_source=PAYLOAD&a=1");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(first));
        assertFalse(first.body().contains("PAYLOAD"), first.body());
        assertTrue(first.body().contains("query {a=[1]}"), first.body());
        HttpResponse<String> hit = Http.get(page + "?a=1");
        assertTrue(Http.cacheStatus(hit).startsWith("isr; hit;"), Http.cacheStatus(hit));
        assertFalse(hit.body().contains("PAYLOAD"), hit.body());
    }

    @Test
    void queryParametersOutsideIsrVaryAreWithheld() throws Exception {
        String page = lab("allow-list", "\"CDN-Cache-Control\":\"s-maxage=60\",\"Isr-Vary\":\"query=a\"", ECHO);
        HttpResponse<String> first = Http.get(page + "?a=1&b=PAYLOAD");
        assertEquals("isr; fwd=bypass; detail=unkeyed-query", Http.cacheStatus(first), "shown b: not stored");
        HttpResponse<String> second = Http.get(page + "?a=1&b=PAYLOAD");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(second));
        assertFalse(second.body().contains("PAYLOAD"), "the rule is known now: b is withheld");
        HttpResponse<String> hit = Http.get(page + "?a=1");
        assertTrue(Http.cacheStatus(hit).startsWith("isr; hit;"), Http.cacheStatus(hit));
        assertFalse(hit.body().contains("PAYLOAD"), hit.body());
    }

    @Test
    void oneResourceIsOneEntryAndOnePathPurgeCoversIt() throws Exception {
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get("/books/9")));
        for (String alias : new String[] {"/books/%39", "/books/9;x=1"}) {
            HttpResponse<String> response = Http.get(alias);
            assertTrue(Http.cacheStatus(response).startsWith("isr; hit;"), alias + ": " + Http.cacheStatus(response));
        }
        assertEquals(1, Http.renders("/books/9"));
        HttpResponse<String> purge = Http.send(Http.request("/isr/purge")
                .header("Authorization", "Bearer " + AdminIT.TOKEN)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"paths\":[\"/books/9\"]}")));
        assertEquals(200, purge.statusCode(), purge.body());
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get("/books/%39")));
    }

    @Test
    void responsesVaryingOnCredentialsAreNotStored() throws Exception {
        for (String field : new String[] {"Authorization", "Cookie"}) {
            String page = lab(
                    "vary-" + field.toLowerCase(), "\"CDN-Cache-Control\":\"s-maxage=60\",\"Vary\":\"" + field + "\"");
            assertEquals("isr; fwd=bypass; detail=vary-credentials", Http.cacheStatus(Http.get(page)), field);
        }
    }

    @Test
    void aNeverStorablePageIsRenderedWithoutCollapsing() throws Exception {
        assertEquals("isr; fwd=bypass; detail=private", Http.cacheStatus(Http.get("/me")));
        long before = stat("passes");
        Http.get("/me");
        Http.get("/me");
        assertEquals(before + 2, stat("passes"), "hit-for-pass: no lease, no waiting on another render");
    }

    @Test
    void revalidationRendersForTheEntrysPublicOrigin() throws Exception {
        String page = lab("revalidate-origin", "\"CDN-Cache-Control\":\"s-maxage=1, stale-while-revalidate=60\"", ECHO);
        HttpResponse<String> first = Http.get(page, "Host", "localhost:8080");
        assertTrue(first.body().contains("url http://localhost:8080/"), first.body());
        Thread.sleep(1_100); // stale: real time on a real server
        Http.get(page, "Host", "localhost:8080"); // a stale hit starts the background revalidation
        long deadline = System.nanoTime() + 15_000_000_000L;
        HttpResponse<String> revalidated;
        do {
            Thread.sleep(100);
            revalidated = Http.get(page, "Host", "localhost:8080");
        } while (!revalidated.body().contains("render 2") && System.nanoTime() < deadline);
        assertTrue(revalidated.body().contains("render 2"), revalidated.body());
        assertTrue(
                revalidated.body().contains("url http://localhost:8080/demo/lab/revalidate-origin"),
                "rendered for the public origin, not the listener it connected to: " + revalidated.body());
    }
}
