package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tags, purges and on-demand revalidation (contract section 6) through the admin API, webhooks and the demo's
 * transactional book edit, against the deployed EAR.
 */
class AdminIT extends DeployedEar {

    static final String TOKEN = "it-admin-token-0123456789";
    static final String WEBHOOK_SECRET = "it-webhook-secret-0123456789";

    @Override
    void beforeDeploy() throws Exception {
        ServerProperties.set("isr.admin.token", TOKEN);
        ServerProperties.set("isr.webhook.secret", WEBHOOK_SECRET);
    }

    /** The secrets leave the server's configuration with the class (the server runs on for the next one). */
    @AfterAll
    static void removeSecrets() throws Exception {
        ServerProperties.remove("isr.admin.token");
        ServerProperties.remove("isr.webhook.secret");
    }

    private static HttpResponse<String> admin(String method, String path, String body, String authorization)
            throws Exception {
        HttpRequest.Builder request = Http.request(path)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Http.send(request);
    }

    private static HttpResponse<String> purge(String json) throws Exception {
        HttpResponse<String> response = admin("POST", "/isr/purge", json, "Bearer " + TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static boolean isHit(String page) throws Exception {
        return Http.cacheStatus(Http.get(page)).startsWith("isr; hit;");
    }

    @Test
    void editingABookPurgesItsPageAndTheListAndNothingElse() throws Exception {
        Http.get("/books/12");
        Http.get("/books");
        Http.get("/books/4");
        assertTrue(isHit("/books/12") && isHit("/books") && isHit("/books/4"));

        HttpResponse<String> edit = Http.postForm("/books/12", "title=Regenerated+Incrementally&summary=New");
        assertEquals(303, edit.statusCode());

        HttpResponse<String> page = Http.get("/books/12");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(page));
        assertTrue(page.body().contains("Regenerated Incrementally"));
        HttpResponse<String> list = Http.get("/books");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(list), "the list was purged by its tag");
        assertTrue(list.body().contains("Regenerated Incrementally"));
        assertTrue(isHit("/books/4"), "another book's page is untouched");
    }

    @Test
    void anEditRolledBackPurgesNothing() throws Exception {
        String page = Http.lab("rollback", Http.headers("CDN-Cache-Control", "s-maxage=300", "Cache-Tag", "books"));
        Http.get(page);
        Http.get("/books/3");
        HttpResponse<String> edit = Http.postForm("/books/3", "title=Never+Saved&summary=x&failCommit=true");
        assertEquals(409, edit.statusCode(), "the transaction rolled back");
        assertTrue(
                isHit(page), "the books tag was not purged: the IsrPurge event was fired in a rolled-back transaction");
        HttpResponse<String> book = Http.get("/books/3");
        assertTrue(Http.cacheStatus(book).startsWith("isr; hit;"));
        assertTrue(!book.body().contains("Never Saved"));
    }

    @Test
    void hardPurgeByTagPathAndPrefix() throws Exception {
        String tagged =
                Http.lab("tagged", Http.headers("CDN-Cache-Control", "s-maxage=300", "Surrogate-Key", "lab-a lab-b"));
        String other = Http.lab("untagged", Http.headers("CDN-Cache-Control", "s-maxage=300"));
        Http.get(tagged);
        Http.get(tagged + "?v=2");
        Http.get(other);
        assertEquals(
                "{\"purged\":2,\"nodes\":1}",
                Http.counts(purge("{\"tags\":[\"lab-b\"]}").body()));
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(tagged)));
        assertTrue(isHit(other));

        assertEquals(
                "{\"purged\":1,\"nodes\":1}",
                Http.counts(purge("{\"paths\":[\"" + other + "\"]}").body()));
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(other)));

        String prefixed = Http.lab("prefix-one", Http.headers("CDN-Cache-Control", "s-maxage=300"));
        Http.get(prefixed);
        assertEquals(
                "{\"purged\":1,\"nodes\":1}",
                Http.counts(purge("{\"prefixes\":[\"/demo/lab/prefix-\"]}").body()));
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(prefixed)));
    }

    @Test
    void softPurgeServesStaleThenFresh() throws Exception {
        String page = Http.lab("soft", Http.headers("CDN-Cache-Control", "s-maxage=300", "Cache-Tag", "soft-t"));
        Http.get(page);
        assertEquals(
                "{\"purged\":1,\"nodes\":1}",
                Http.counts(purge("{\"tags\":[\"soft-t\"],\"soft\":true}").body()));
        HttpResponse<String> stale = Http.get(page);
        assertTrue(Http.cacheStatus(stale).endsWith("detail=stale-while-revalidate"), Http.cacheStatus(stale));
        assertEquals("lab soft render 1\n", stale.body());
        HttpResponse<String> fresh = Http.awaitBody(page, "render 2");
        assertTrue(Http.cacheStatus(fresh).matches("isr; hit; ttl=\\d+"), Http.cacheStatus(fresh));
    }

    /**
     * The demo's book pages answer {@code If-None-Match}: a soft-purged one is revalidated in the background with its
     * {@code ETag}, the application answers {@code 304}, and the stored page is fresh again without a render.
     */
    @Test
    void aSoftPurgedPageTheApplicationAnswers304ToIsRefreshedWithoutARender() throws Exception {
        HttpResponse<String> first = Http.get("/books/2");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("\"book-2-"), "the application's own ETag: " + etag);
        long renders = Http.renders("/books/2");
        assertEquals(
                "{\"purged\":1,\"nodes\":1}",
                Http.counts(purge("{\"paths\":[\"/books/2\"],\"soft\":true}").body()));
        HttpResponse<String> stale = Http.get("/books/2");
        assertTrue(Http.cacheStatus(stale).endsWith("detail=stale-while-revalidate"), Http.cacheStatus(stale));
        HttpResponse<String> fresh = stale;
        for (int i = 0; i < 100 && !Http.cacheStatus(fresh).matches("isr; hit; ttl=\\d+"); i++) {
            Thread.sleep(100);
            fresh = Http.get("/books/2");
        }
        assertTrue(Http.cacheStatus(fresh).matches("isr; hit; ttl=\\d+"), Http.cacheStatus(fresh));
        assertEquals(renders, Http.renders("/books/2"), "the application answered 304: nothing was rendered");
        assertEquals(first.body(), fresh.body());
        assertEquals(etag, fresh.headers().firstValue("ETag").orElseThrow());
    }

    /** {@code /isr/metrics}: Prometheus text, protected like the rest, its counters moving with the requests. */
    @Test
    void metricsAreExposedAsPrometheusTextAndMoveWithRequests() throws Exception {
        assertEquals(401, admin("GET", "/isr/metrics", null, null).statusCode());
        String page = Http.lab("metered", Http.headers("CDN-Cache-Control", "s-maxage=300", "Cache-Tag", "metered-t"));
        String uncached = Http.lab("unmetered", Http.headers("Cache-Control", "no-store"));
        Http.get(page);
        String first = metrics();
        Http.get(page);
        Http.get(page);
        Http.get(uncached);
        assertEquals(
                200,
                admin("POST", "/isr/purge", "{\"tags\":[\"metered-t\"]}", "Bearer " + TOKEN)
                        .statusCode());
        String text = metrics();
        assertEquals(sample(first, "isr_hits_total") + 2, sample(text, "isr_hits_total"), text);
        assertEquals(sample(first, "isr_hit_seconds_count") + 2, sample(text, "isr_hit_seconds_count"), text);
        assertTrue(sample(text, "isr_render_seconds_count") > sample(first, "isr_render_seconds_count"), text);
        assertEquals(sample(first, "isr_purges_total") + 1, sample(text, "isr_purges_total"), text);
        assertEquals(sample(first, "isr_purge_seconds_count") + 1, sample(text, "isr_purge_seconds_count"), text);
        assertTrue(sample(text, "isr_purged_entries_total") >= sample(first, "isr_purged_entries_total") + 1, text);
        assertTrue(sample(text, "isr_bypasses_total{reason=\"no-store\"}") >= 1, text);
        for (String line : text.split("\n")) {
            assertTrue(
                    line.matches("# (HELP|TYPE) isr_[a-z_]+ .+"
                            + "|isr_[a-z_]+(\\{[a-z_]+=\"[a-zA-Z0-9.+-]+\"\\})? \\d+(\\.\\d+)?"),
                    "not Prometheus text: " + line);
        }
        assertTrue(text.contains("isr_revalidations_total{result=\"failed\"} "), text);
        assertTrue(text.contains("# TYPE isr_hit_seconds histogram"), text);

        // the same metrics, registered with the server's own metrics system (Micrometer, MicroProfile Metrics)
        HttpResponse<String> server = Http.send(
                HttpRequest.newBuilder(TargetServer.current().serverMetrics()).GET());
        assertEquals(200, server.statusCode(), server.body());
        String hits = server.body()
                .lines()
                .filter(line -> line.startsWith("isr_hits_total"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("isr_hits_total not in " + server.body()));
        assertEquals(
                sample(metrics(), "isr_hits_total"),
                (long) Double.parseDouble(hits.substring(hits.lastIndexOf(' ') + 1)),
                hits);
        assertTrue(server.body().contains("isr_purged_entries_total"), server.body());
        assertTrue(text.contains("isr_hit_seconds_bucket{le=\"+Inf\"} "), text);
    }

    private static String metrics() throws Exception {
        HttpResponse<String> response = admin("GET", "/isr/metrics", null, "Bearer " + TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        return response.body();
    }

    private static long sample(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ")) {
                return (long) Double.parseDouble(line.substring(name.length() + 1));
            }
        }
        throw new AssertionError(name + " not in " + text);
    }

    @Test
    void revalidateRegeneratesWhileTheOldEntryIsServed() throws Exception {
        String page = Http.lab(
                "reval",
                "{\"headers\":{\"CDN-Cache-Control\":\"s-maxage=300\",\"Cache-Tag\":"
                        + "\"reval-t\"},\"delayMs\":1000}");
        Http.get(page);
        HttpResponse<String> accepted = admin("POST", "/isr/revalidate", "{\"tags\":[\"reval-t\"]}", "Bearer " + TOKEN);
        assertEquals(202, accepted.statusCode());
        assertEquals("{\"scheduled\":1}", accepted.body());
        HttpResponse<String> during = Http.get(page);
        assertEquals("lab reval render 1\n", during.body(), "the old entry is served until the new one is stored");
        assertTrue(Http.cacheStatus(during).startsWith("isr; hit;"));
        Http.awaitBody(page, "render 2");
        assertEquals(2, Http.renders(page));
    }

    @ParameterizedTest(name = "[{index}] Authorization: {0}")
    @ValueSource(strings = {"", "Bearer wrong-token-0123456789", "Basic aXNyOmlzcg==", "Bearer"})
    void wrongOrMissingTokenIs401AndChangesNothing(String authorization) throws Exception {
        String page = Http.lab("guarded", Http.headers("CDN-Cache-Control", "s-maxage=300", "Cache-Tag", "guard"));
        Http.get(page);
        HttpResponse<String> refused =
                admin("POST", "/isr/purge", "{\"all\":true}", authorization.isEmpty() ? null : authorization);
        assertEquals(401, refused.statusCode());
        assertEquals(
                "application/problem+json",
                refused.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").isPresent());
        assertTrue(isHit(page), "nothing was purged");
        assertEquals(
                401,
                admin("GET", "/isr/stats", null, authorization.isEmpty() ? null : authorization)
                        .statusCode());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "not json",
                "[\"tags\"]",
                "{\"tags\":\"books\"}",
                "{\"tags\":[1]}",
                "{\"tag\":[\"books\"]}",
                "{}",
                "{\"all\":\"yes\"}",
                "{\"paths\":[\"books\"]}",
                "{\"tags\":[\"two words\"]}",
                "{\"tags\":[\"a\"]",
                "TOO_MANY",
                "OVERSIZED",
                "EMPTY"
            })
    void badBodiesAre400ProblemsAndChangeNothing(String body) throws Exception {
        String page = Http.lab("bad-input", Http.headers("CDN-Cache-Control", "s-maxage=300", "Cache-Tag", "books"));
        Http.get(page);
        String sent = switch (body) {
            case "TOO_MANY" -> "{\"tags\":[" + "\"t\",".repeat(1000) + "\"t\"]}";
            case "OVERSIZED" -> "{\"tags\":[\"" + "x".repeat(70_000) + "\"]}";
            case "EMPTY" -> "";
            default -> body;
        };
        HttpResponse<String> response = admin("POST", "/isr/purge", sent, "Bearer " + TOKEN);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(
                response.body().contains("\"status\":400") && response.body().contains("\"detail\""), response.body());
        assertTrue(isHit(page), "nothing was purged");
    }

    @Test
    void webhookIsVerifiedByItsSignature() throws Exception {
        String page = Http.lab("hooked", Http.headers("CDN-Cache-Control", "s-maxage=300", "Cache-Tag", "cms-42"));
        Http.get(page);
        String body = "{\"sys\":{\"id\":\"42\"},\"tags\":[\"cms-42\"]}";
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> unsigned = webhook(body, null);
        assertEquals(401, unsigned.statusCode());
        HttpResponse<String> forged = webhook(body, signature(now, v1("not-the-secret-0123456789", now, body)));
        assertEquals(401, forged.statusCode());
        assertTrue(isHit(page), "a bad signature purges nothing");

        HttpResponse<String> signed = webhook(body, signature(now, v1(WEBHOOK_SECRET, now, body)));
        assertEquals(200, signed.statusCode(), signed.body());
        assertEquals("{\"purged\":1,\"nodes\":1}", Http.counts(signed.body()));
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(page)));
    }

    @Test
    void aReplayedWebhookIsRefusedAndPurgesNothing() throws Exception {
        String body = hookBody("replayed");
        long now = Instant.now().getEpochSecond();
        String signature = signature(now, v1(WEBHOOK_SECRET, now, body));
        assertEquals(200, webhook(body, signature).statusCode());
        assertRefusedAndPurgesNothing("replayed", signature, "accepted before");
    }

    @Test
    void aWebhookSignedLongerAgoThanTheToleranceIsRefused() throws Exception {
        long then = Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond(); // the default tolerance is 5 min
        assertRefusedAndPurgesNothing(
                "late", signature(then, v1(WEBHOOK_SECRET, then, hookBody("late"))), "behind the server's clock");
    }

    @Test
    void theOldSha256SignatureIsRefusedWithTheNewForm() throws Exception {
        assertRefusedAndPurgesNothing(
                "old-form", "sha256=" + hmac(WEBHOOK_SECRET, hookBody("old-form")), "t=<unix seconds>,v1=");
    }

    /** A webhook purging the tag of the lab page {@code name}. */
    private static String hookBody(String name) {
        return "{\"tags\":[\"hook-" + name + "\"]}";
    }

    /**
     * Stores the lab page {@code name}, tagged for {@link #hookBody}, sends that webhook with {@code signature} and
     * expects a 401 problem saying {@code why}, with the page still served from the cache.
     */
    private static void assertRefusedAndPurgesNothing(String name, String signature, String why) throws Exception {
        String page = Http.lab(name, Http.headers("CDN-Cache-Control", "s-maxage=300", "Cache-Tag", "hook-" + name));
        Http.get(page);
        HttpResponse<String> refused = webhook(hookBody(name), signature);
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals(
                "application/problem+json",
                refused.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(refused.body().contains(why), refused.body());
        assertTrue(isHit(page), "a refused webhook purges nothing");
    }

    @Test
    void adminAnswersAreNeverStored() throws Exception {
        for (HttpResponse<String> answer : List.of(
                admin("GET", "/isr/stats", null, "Bearer " + TOKEN),
                admin("GET", "/isr/stats", null, null),
                admin("GET", "/isr/entries?limit=0", null, "Bearer " + TOKEN),
                webhook("{}", null))) {
            assertEquals(
                    "no-store, private",
                    answer.headers().firstValue("Cache-Control").orElseThrow(),
                    answer.statusCode() + " " + answer.body());
            assertFalse(answer.headers().firstValue("Isr-Cache-Control").isPresent(), "removed before it leaves");
        }
    }

    private static HttpResponse<String> webhook(String body, String signature) throws Exception {
        HttpRequest.Builder request = Http.request("/isr/webhook")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("Isr-Signature", signature);
        }
        return Http.send(request);
    }

    private static String signature(long t, String v1) {
        return "t=" + t + ",v1=" + v1;
    }

    /** What a sender signs: {@code "<t>.<body>"}. */
    private static String v1(String secret, long t, String body) throws Exception {
        return hmac(secret, t + "." + body);
    }

    private static String hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * docs/admin-api.md cannot drift: every {@code curl} example of it is sent as written (the demo's token replaced
     * by this test's), and its answer must have the members, in order, and the value types of the one shown.
     */
    @Test
    void theDocumentedExamplesAnswerWhatTheDocsShow() throws Exception {
        Http.get("/books/1"); // the listing example lists the entries tagged book-1
        List<DocumentedExamples.Example> examples = DocumentedExamples.in(Path.of("..", "docs", "admin-api.md"));
        assertTrue(examples.size() >= 4, "examples found: " + examples);
        for (DocumentedExamples.Example example : examples) {
            HttpResponse<String> real = admin(example.method(), example.target(), example.body(), "Bearer " + TOKEN);
            assertTrue(real.statusCode() / 100 == 2, example + ": " + real.statusCode() + " " + real.body());
            assertEquals(
                    DocumentedExamples.shape(real.body()),
                    DocumentedExamples.shape(example.answer()),
                    "docs/admin-api.md, " + example.method() + " " + example.target() + ": the real answer is "
                            + real.body());
        }
    }

    @Test
    void entriesAndStatsDescribeTheCache() throws Exception {
        String page =
                Http.lab("listed", Http.headers("CDN-Cache-Control", "s-maxage=300, durable", "Cache-Tag", "listed-t"));
        Http.get(page);
        Http.get(page);
        HttpResponse<String> entries = admin("GET", "/isr/entries?tag=listed-t&limit=10", null, "Bearer " + TOKEN);
        assertEquals(200, entries.statusCode());
        assertTrue(
                entries.body()
                        .matches("\\{\"total\":1,\"offset\":0,\"entries\":\\[\\{\"key\":"
                                + "\"http://127.0.0.1:8080/demo/lab/listed\",\"path\":\"/demo/lab/listed\",\"query\":\"\",\"variant\":\"\","
                                + "\"tags\":\\[\"listed-t\"],\"status\":200,\"age\":\\d+,\"ttl\":\\d+,"
                                + "\"bytes\":\\d+,\"durable\":true,\"reads\":\\d+,\"lastRead\":\\d+}]}"),
                entries.body());
        assertEquals(
                "{\"total\":1,\"offset\":1,\"entries\":[]}",
                admin("GET", "/isr/entries?tag=listed-t&offset=1", null, "Bearer " + TOKEN)
                        .body(),
                "the page after the last is empty, and says how many there are");
        assertEquals(
                400,
                admin("GET", "/isr/entries?offset=-1", null, "Bearer " + TOKEN).statusCode());
        HttpResponse<String> unfiltered = admin("GET", "/isr/entries?tag=&prefix=&limit=10", null, "Bearer " + TOKEN);
        assertEquals(200, unfiltered.statusCode(), "an empty tag or prefix filters nothing: " + unfiltered.body());
        assertFalse(unfiltered.body().startsWith("{\"total\":0,"), unfiltered.body());
        assertEquals(
                400,
                admin("GET", "/isr/entries?limit=0", null, "Bearer " + TOKEN).statusCode());
        assertEquals(
                400,
                admin("GET", "/isr/entries?limit=lots", null, "Bearer " + TOKEN).statusCode());

        HttpResponse<String> stats = admin("GET", "/isr/stats", null, "Bearer " + TOKEN);
        assertEquals(200, stats.statusCode());
        for (String counter : new String[] {
            "hits",
            "staleHits",
            "misses",
            "collapsed",
            "bypasses",
            "stores",
            "revalidationsOk",
            "revalidationsFailed",
            "purges",
            "entries",
            "bytes",
            "members",
            "memoryBytes",
            "memoryMaxBytes",
            "storeBytes",
            "storeMaxBytes",
            "captureBytesInFlight",
            "captureMaxBytes"
        }) {
            assertTrue(stats.body().contains("\"" + counter + "\":"), counter + " in " + stats.body());
        }
        assertTrue(stats.body().matches(".*\"hits\":[1-9].*"), stats.body());
    }

    @Test
    void adminApiIsClosedWhenNoTokenIsConfigured() throws Exception {
        ServerProperties.remove("isr.admin.token");
        try {
            redeploy();
            HttpResponse<String> closed = admin("GET", "/isr/stats", null, "Bearer " + TOKEN);
            assertEquals(401, closed.statusCode());
            assertTrue(closed.body().contains("closed"), closed.body());
        } finally {
            ServerProperties.set("isr.admin.token", TOKEN);
            redeploy();
        }
        assertEquals(200, admin("GET", "/isr/stats", null, "Bearer " + TOKEN).statusCode());
    }

    @Test
    void adminApiAnswersOnlyTheAllowedNetworks() throws Exception {
        ServerProperties.set("isr.admin.allowed-networks", "10.0.0.0/8,192.168.0.0/16,::1/128");
        try {
            redeploy();
            HttpResponse<String> outside = admin("GET", "/isr/stats", null, "Bearer " + TOKEN);
            assertEquals(403, outside.statusCode(), outside.body());
            assertTrue(outside.body().contains("isr.admin.allowed-networks"), outside.body());
            // refused before the token is looked at: a wrong one gets the same answer, not a 401
            assertEquals(
                    403, admin("GET", "/isr/stats", null, "Bearer wrong-token").statusCode());
            assertEquals(
                    403,
                    admin("POST", "/isr/purge", "{\"all\":true}", "Bearer " + TOKEN)
                            .statusCode());

            ServerProperties.set("isr.admin.allowed-networks", "10.0.0.0/8,127.0.0.0/8");
            redeploy();
            assertEquals(
                    200, admin("GET", "/isr/stats", null, "Bearer " + TOKEN).statusCode());
            assertEquals(
                    401, admin("GET", "/isr/stats", null, "Bearer wrong-token").statusCode());
        } finally {
            ServerProperties.remove("isr.admin.allowed-networks");
            redeploy();
        }
    }
}
