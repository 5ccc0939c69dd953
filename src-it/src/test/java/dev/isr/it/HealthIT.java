package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MicroProfile Health of the module (contract section 8) and failing open (issue: a cache that cannot start must not
 * take the application down).
 */
class HealthIT extends DeployedEar {

    private static HttpResponse<String> health(String which) throws Exception {
        return Http.send(HttpRequest.newBuilder(TargetServer.current().health(which))
                .timeout(Duration.ofSeconds(10))
                .GET());
    }

    @Test
    void readinessAndLivenessReportTheCache() throws Exception {
        HttpResponse<String> ready = health("ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(
                ready.body()
                        .matches(".*\\{\"name\":\"isr\",\"status\":\"UP\",\"data\":\\{[^}]*\"mode\":\"local\""
                                + "[^}]*\\}.*"),
                ready.body());
        // WildFly renders the check's numbers and booleans as JSON values, Payara as strings
        assertTrue(
                ready.body().matches(".*\"members\":\"?1\"?[,}].*")
                        && ready.body().matches(".*\"storeWritable\":\"?true\"?[,}].*"),
                ready.body());
        HttpResponse<String> live = health("live");
        assertTrue(live.body().contains("\"name\":\"isr\",\"status\":\"UP\""), live.body());
    }

    @Test
    void unwritableStoreMakesReadinessDownAndPagesAreStillServed() throws Exception {
        // a store directory under a regular file can never be created
        ServerProperties.set("isr.store.path", System.getProperty("isr.ear") + "/cannot-be-a-directory");
        try {
            redeploy();
            HttpResponse<String> ready = health("ready");
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("{\"name\":\"isr\",\"status\":\"DOWN\""), ready.body());
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> page = Http.get("/books/1");
                assertEquals(200, page.statusCode(), "never a 500");
                assertEquals("isr; fwd=bypass; detail=cache-unavailable", Http.cacheStatus(page));
            }
            assertTrue(
                    health("live").body().contains("\"name\":\"isr\",\"status\":\"UP\""),
                    "alive: a restart would not fix the disk");
        } finally {
            ServerProperties.remove("isr.store.path");
            redeploy();
        }
        assertEquals(200, health("ready").statusCode());
    }

    /**
     * {@code isr.cache.jndi} naming nothing the server binds (or, on WildFly, its container while this EAR bundles an
     * Infinispan of its own): the deployment starts, pages are served uncached, readiness is DOWN.
     */
    @ParameterizedTest
    @ValueSource(strings = {"java:global/isr/no-such-container", "java:jboss/infinispan/container/web"})
    void aServerContainerThatCannotBeUsedMakesReadinessDownAndPagesAreStillServed(String jndi) throws Exception {
        ServerProperties.set("isr.cache.jndi", jndi);
        try {
            redeploy();
            HttpResponse<String> ready = health("ready");
            assertEquals(503, ready.statusCode(), ready.body());
            HttpResponse<String> page = Http.get("/books/1");
            assertEquals(200, page.statusCode(), "never a 500");
            assertEquals("isr; fwd=bypass; detail=cache-unavailable", Http.cacheStatus(page));
        } finally {
            ServerProperties.remove("isr.cache.jndi");
            redeploy();
        }
        assertEquals(200, health("ready").statusCode());
    }

    /**
     * An origin that fails behind a page kept with {@code stale-if-error}: every answer is the stale page, the
     * counters and liveness look fine, and readiness says the node is degraded; once the failures are older than the
     * window (5 s here), it is UP again by itself.
     */
    @Test
    void readinessIsDegradedWhileTheOriginFailsAndRecoversByItself() throws Exception {
        ServerProperties.set("isr.health.degraded-window", "5s");
        try {
            redeploy();
            String page =
                    Http.lab("failing-origin", Http.headers("CDN-Cache-Control", "s-maxage=1, stale-if-error=300"));
            assertEquals(200, Http.get(page).statusCode());
            Http.lab(
                    "failing-origin",
                    "{\"headers\":{\"CDN-Cache-Control\":\"s-maxage=1, stale-if-error=300\"}," + "\"fail\":true}");
            Thread.sleep(1_500); // stale now
            health("ready"); // a sample before the failures, as a probe every few seconds would take
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> stale = Http.get(page);
                assertEquals(200, stale.statusCode());
                assertTrue(Http.cacheStatus(stale).endsWith("detail=stale-if-error"), Http.cacheStatus(stale));
            }
            HttpResponse<String> degraded = health("ready");
            assertEquals(503, degraded.statusCode(), degraded.body());
            assertTrue(degraded.body().contains("\"degraded\":\"stale-if-error\""), degraded.body());
            assertTrue(health("live").body().contains("\"name\":\"isr\",\"status\":\"UP\""));

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            HttpResponse<String> ready = health("ready");
            while (ready.statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
                ready = health("ready");
            }
            assertEquals(200, ready.statusCode(), "UP again once the failures left the window: " + ready.body());
        } finally {
            ServerProperties.remove("isr.health.degraded-window");
            redeploy();
        }
    }
}
