package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Health of the module (contract section 8) and failing open (issue: a cache that cannot start must not
 * take the application down).
 */
class HealthIT extends DeployedEar {

    private static HttpResponse<String> health(String which) throws Exception {
        return Http.send(HttpRequest.newBuilder(TargetServer.current().health(which))
                .timeout(Duration.ofSeconds(10)).GET());
    }

    @Test
    void readinessAndLivenessReportTheCache() throws Exception {
        HttpResponse<String> ready = health("ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().matches(".*\\{\"name\":\"isr\",\"status\":\"UP\",\"data\":\\{[^}]*\"mode\":\"local\""
                + "[^}]*\\}.*"), ready.body());
        // WildFly renders the check's numbers and booleans as JSON values, Payara as strings
        assertTrue(ready.body().matches(".*\"members\":\"?1\"?[,}].*")
                && ready.body().matches(".*\"storeWritable\":\"?true\"?[,}].*"), ready.body());
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
            assertTrue(health("live").body().contains("\"name\":\"isr\",\"status\":\"UP\""),
                    "alive: a restart would not fix the disk");
        } finally {
            ServerProperties.remove("isr.store.path");
            redeploy();
        }
        assertEquals(200, health("ready").statusCode());
    }
}
