package dev.isr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.core.CacheKey;
import dev.isr.core.CachePolicy;
import dev.isr.core.CachedResponse;
import dev.isr.core.ClusterSettings;
import dev.isr.core.IsrConfig;
import dev.isr.core.PurgeRequest;
import dev.isr.core.VaryRule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real cache containers in one JVM, clustered over loopback TCP by the module's own JGroups channel: entries,
 * purge records, the purge epoch and leases are shared, a node that was away comes back without serving what was
 * purged, and a purge on one node wins over a render in flight on the other.
 */
class ClusteredContainersTest {

    private static final String HOSTS = "127.0.0.1[7950],127.0.0.1[7951]";

    @TempDir
    Path dir;

    private IsrCacheContainer one;
    private IsrCacheContainer two;

    private IsrCacheContainer node(String name, int port) {
        IsrConfig defaults = IsrConfig.defaults();
        ClusterSettings cluster = new ClusterSettings(ClusterSettings.Mode.REPLICATED, 2, "isr-test", "127.0.0.1",
                port, List.of(HOSTS.split(",")), 1, name);
        IsrCacheContainer container = new IsrCacheContainer();
        container.config = new IsrConfig(defaults.cacheName(), defaults.maxBodyBytes(), defaults.storableStatuses(),
                defaults.ignoredQueryParams(), dir.resolve(name).toString(), false, "", "",
                defaults.revalidationTimeout(), defaults.retryAfter(), defaults.collapseTimeout(),
                defaults.revalidationMaxConcurrency(), "", "", cluster, defaults.budgets(),
                defaults.sweepInterval(), defaults.evictUnreadAfter(), defaults.publicOrigins(), defaults.hitForPass(),
                defaults.webhookTolerance());
        container.clock = Clock.systemUTC();
        container.start();
        return container;
    }

    @AfterEach
    void stop() {
        if (two != null) {
            two.stop();
        }
        if (one != null) {
            one.stop();
        }
    }

    private static CachedResponse page(String path, String tag) {
        CachePolicy policy = new CachePolicy(Duration.ofHours(1), Duration.ZERO, Duration.ZERO, false, true, true);
        return new CachedResponse(new CacheKey(path, ""), 200, List.of(), path.getBytes(StandardCharsets.UTF_8),
                Instant.now(), policy, List.of(), List.of(tag));
    }

    @Test
    void entriesPurgesAndLeasesAreShared() {
        one = node("one", 7950);
        two = node("two", 7951);
        assertEquals(2, one.clusterView().members());
        one.responseCache().put(page("/a", "t-a"), VaryRule.DEFAULT);
        assertTrue(two.responseCache().get(new CacheKey("/a", "")).isPresent(), "replicated to node two");

        assertTrue(one.leases().tryAcquire("render /a", Duration.ofSeconds(10)));
        assertFalse(two.leases().tryAcquire("render /a", Duration.ofSeconds(10)), "one lease in the cluster");
        one.leases().release("render /a");
        assertTrue(two.leases().tryAcquire("render /a", Duration.ofSeconds(10)));

        two.responseCache().purge(PurgeRequest.ofTags(List.of("t-a")), Instant.now());
        assertFalse(one.responseCache().get(new CacheKey("/a", "")).isPresent());
        assertFalse(two.responseCache().get(new CacheKey("/a", "")).isPresent());
    }

    @Test
    void aNodeAwayDuringAPurgeDoesNotServeThePurgedEntry() {
        one = node("one", 7950);
        two = node("two", 7951);
        one.responseCache().put(page("/b", "t-b"), VaryRule.DEFAULT);
        assertTrue(two.responseCache().get(new CacheKey("/b", "")).isPresent());
        two.stop();
        two = null;
        one.responseCache().purge(PurgeRequest.ofTags(List.of("t-b")), Instant.now());
        two = node("two", 7951);
        assertEquals(2, two.clusterView().members());
        assertFalse(two.responseCache().get(new CacheKey("/b", "")).isPresent(),
                "the purge record reached node two when it came back");
    }

    @Test
    void aPurgeOnOneNodeWinsOverARenderInFlightOnTheOther() {
        one = node("one", 7950);
        two = node("two", 7951);
        long rendered = one.responseCache().purgeEpoch();
        two.responseCache().purge(PurgeRequest.ofTags(List.of("t-c")), Instant.now());
        long after = one.responseCache().purgeEpoch();
        assertEquals(rendered + 1, after, "node one sees the new epoch as soon as the purge on node two returns");

        assertFalse(one.responseCache().put(PurgeEpochTest.page("/c", "t-c", Instant.now(), rendered),
                VaryRule.DEFAULT), "rendered on node one before the purge on node two");
        assertFalse(one.responseCache().get(new CacheKey("/c", "")).isPresent());
        assertFalse(two.responseCache().get(new CacheKey("/c", "")).isPresent());

        assertTrue(one.responseCache().put(PurgeEpochTest.page("/c", "t-c", Instant.now(), after), VaryRule.DEFAULT));
        assertTrue(two.responseCache().get(new CacheKey("/c", "")).isPresent(), "rendered after the purge");
    }

    @Test
    void concurrentPurgesOnBothNodesEachAdvanceTheEpoch() {
        one = node("one", 7950);
        two = node("two", 7951);
        long start = one.responseCache().purgeEpoch();
        int purges = 10;
        CompletableFuture<?> onOne = CompletableFuture.runAsync(() -> purgeRepeatedly(one, "one", purges));
        CompletableFuture<?> onTwo = CompletableFuture.runAsync(() -> purgeRepeatedly(two, "two", purges));
        CompletableFuture.allOf(onOne, onTwo).join();
        assertEquals(start + 2 * purges, one.responseCache().purgeEpoch());
        assertEquals(start + 2 * purges, two.responseCache().purgeEpoch());
    }

    private static void purgeRepeatedly(IsrCacheContainer node, String tag, int times) {
        for (int i = 0; i < times; i++) {
            node.responseCache().purge(PurgeRequest.ofTags(List.of(tag + i)), Instant.now());
        }
    }
}
