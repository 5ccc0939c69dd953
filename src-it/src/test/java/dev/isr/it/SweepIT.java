package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The periodic sweep runs on the real server (contract section 5): with {@code isr.sweep.interval} at 1 s and
 * {@code isr.evict-unread-after} at 3 s, an entry nobody reads is evicted, one read all along is kept, and no sweep
 * fails. Written after the sweep was found failing at every tick on Payara (its container refused a package-private
 * call into the cache container bean, {@code ISR0501}), which no test had noticed: the unit tests call the sweep
 * directly, without the container in between.
 */
class SweepIT extends DeployedEar {

    @Override
    void beforeDeploy() throws Exception {
        ServerProperties.set("isr.sweep.interval", "1s"); // removed with the class (DeployedEar)
        ServerProperties.set("isr.evict-unread-after", "3s");
    }

    @Test
    void anEntryNobodyReadsIsEvictedAndOneReadIsKept() throws Exception {
        long logStart = ServerLog.end();
        String kept = "s-maxage=3600";
        String unread = Http.lab("sweep-unread", Http.headers("CDN-Cache-Control", kept));
        String read = Http.lab("sweep-read", Http.headers("CDN-Cache-Control", kept));
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(unread)));
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(read)));

        long end = System.nanoTime() + Duration.ofSeconds(6).toNanos(); // past 3 s unread, and a few sweeps
        while (System.nanoTime() < end) {
            assertTrue(Http.cacheStatus(Http.get(read)).startsWith("isr; hit;"), "the page read all along");
            Thread.sleep(500);
        }

        assertEquals(
                "isr; fwd=uri-miss; stored",
                Http.cacheStatus(Http.get(unread)),
                "not read for longer than isr.evict-unread-after: evicted by a sweep");
        assertEquals(2, Http.renders(unread), "rendered again after the eviction");
        assertTrue(Http.cacheStatus(Http.get(read)).startsWith("isr; hit;"), "the page read all along is kept");
        assertEquals(1, Http.renders(read));
        String log = ServerLog.since(logStart);
        assertFalse(
                log.contains("ISR0501"),
                "a sweep failed: "
                        + log.lines().filter(line -> line.contains("ISR0501")).toList());
    }
}
