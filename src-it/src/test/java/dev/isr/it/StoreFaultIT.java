package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The store's disk fills up under a running server (issue 15, part 3): the store is a tmpfs of its own, filled by
 * another writer until less than {@code isr.store.min-free-bytes} (64 MiB by default) is free. Pages are still
 * served and cached (in memory), a purge still wins, readiness is DOWN with one log line, and UP again by itself, with
 * one more, once the disk is freed. (A disk the kernel turns read-only, and one that fills up under the store's own
 * writes, are in {@code StoreFaultTest} of isr-ejb, on the real Infinispan store.) Needs root to mount the tmpfs;
 * skipped, saying so, where it cannot.
 */
class StoreFaultIT extends DeployedEar {

    private static final String TOKEN = "it-store-fault-token-0123456789";

    private static HttpResponse<String> ready() throws Exception {
        return Http.send(HttpRequest.newBuilder(TargetServer.current().health("ready"))
                .timeout(Duration.ofSeconds(10))
                .GET());
    }

    @Test
    void aFullDiskKeepsPagesServedAndCachedAPurgeStillWinsAndReadinessComesBack() throws Exception {
        Path disk =
                Files.createDirectories(Path.of("target", "store-fault", "disk").toAbsolutePath());
        assumeTrue(
                run("mount", "-t", "tmpfs", "-o", "size=160m", "tmpfs", disk.toString()),
                "mounting a tmpfs needs root");
        Path filler = disk.resolve("filler");
        try {
            ServerProperties.set("isr.store.path", disk.resolve("isr").toString());
            ServerProperties.set("isr.admin.token", TOKEN);
            redeploy();
            assertEquals(200, ready().statusCode());
            String durable = "CDN-Cache-Control";
            String before = Http.lab(
                    "store-fault-before", Http.headers(durable, "s-maxage=3600, durable", "Cache-Tag", "store-fault"));
            assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(before)));
            long logStart = ServerLog.end();

            fill(filler, disk, 16L << 20);
            HttpResponse<String> down = ready();
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(
                    down.body().contains("storeFault") && down.body().contains("isr.store.min-free-bytes"),
                    down.body());
            String during = Http.lab(
                    "store-fault-during", Http.headers(durable, "s-maxage=3600, durable", "Cache-Tag", "store-fault"));
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> page = Http.get(during);
                assertEquals(200, page.statusCode());
                assertEquals(
                        i == 0 ? "isr; fwd=uri-miss; stored" : "isr; hit; ttl=",
                        i == 0 ? Http.cacheStatus(page) : Http.cacheStatus(page).replaceAll("ttl=\\d+.*", "ttl="),
                        "cached in memory while the disk is full");
            }
            assertTrue(Http.cacheStatus(Http.get(before)).startsWith("isr; hit;"), "what the store held is served");
            HttpResponse<String> purge = Http.send(Http.request("/isr/purge")
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"tags\":[\"store-fault\"]}")));
            assertEquals(200, purge.statusCode(), purge.body());
            assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(before)), "the purge won");
            assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get(during)), "the purge won");

            Files.delete(filler);
            HttpResponse<String> up = ready();
            assertEquals(200, up.statusCode(), "UP again by itself once the disk has room: " + up.body());
            assertFalse(up.body().contains("storeFault"), up.body());
            String log = ServerLog.since(logStart);
            assertEquals(1, count(log, "ISR0024"), "one line for the fault:\n" + log);
            assertEquals(1, count(log, "ISR0025"), "one line for the recovery:\n" + log);
            System.out.printf(
                    "store fault: disk filled to %d MiB free, readiness DOWN then UP; ISR0024 logged"
                            + " once, ISR0025 once%n",
                    16);
        } finally {
            Files.deleteIfExists(filler);
            ServerProperties.remove("isr.store.path");
            ServerProperties.remove("isr.admin.token");
            redeploy(); // the store's files close with the caches: the tmpfs can then be unmounted
            if (!run("umount", disk.toString())) {
                run("umount", "-l", disk.toString());
            }
        }
    }

    /** Writes {@code filler} until at most {@code leaveBytes} are free on {@code disk}. */
    private static void fill(Path filler, Path disk, long leaveBytes) throws IOException {
        byte[] block = new byte[1 << 20];
        long toWrite = Files.getFileStore(disk).getUsableSpace() - leaveBytes;
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long written = 0; written < toWrite; written += block.length) {
                out.write(block);
            }
        }
    }

    private static int count(String text, String id) {
        return text.split(id + ":", -1).length - 1;
    }

    /** Runs {@code command} (mount, umount), for a minute at the most; whether it succeeded. */
    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            return process.onExit().get(60, TimeUnit.SECONDS).exitValue() == 0;
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            return false;
        }
    }
}
