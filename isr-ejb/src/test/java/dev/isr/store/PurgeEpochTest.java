package dev.isr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.core.CacheKey;
import dev.isr.core.CachePolicy;
import dev.isr.core.CachedResponse;
import dev.isr.core.PurgeRecord;
import dev.isr.core.PurgeRequest;
import dev.isr.core.ResponseCache;
import dev.isr.core.VaryRule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A purge always wins over a render in flight: an entry whose render started before a purge that covers it is not
 * stored and not served, however late it arrives, and the purge epoch that decides it never goes backwards.
 */
class PurgeEpochTest {

    @TempDir
    Path dir;

    static CachedResponse page(String path, String tag, Instant storedAt, long renderEpoch) {
        CachePolicy policy =
                new CachePolicy(Duration.ofHours(1), Duration.ofMinutes(1), Duration.ZERO, false, true, true);
        return new CachedResponse(
                new CacheKey(path, ""),
                200,
                List.of(),
                path.getBytes(StandardCharsets.UTF_8),
                storedAt,
                policy,
                List.of(),
                List.of(tag),
                renderEpoch);
    }

    private static CacheKey key(String path) {
        return new CacheKey(path, "");
    }

    @Test
    void aRenderThatStartedBeforeThePurgeIsNotStoredOneThatStartedAfterIs() {
        IsrCacheContainer container = IsrCacheContainerTest.container(dir);
        try {
            ResponseCache cache = container.responseCache();
            long before = cache.purgeEpoch();
            assertEquals(PurgeRecords.FIRST_EPOCH, before);
            cache.purge(PurgeRequest.ofTags(List.of("slow")), Instant.now());
            long after = cache.purgeEpoch();
            assertEquals(before + 1, after);

            // stored after the purge, by the clock, but rendered before it
            assertFalse(cache.put(page("/slow", "slow", Instant.now().plusSeconds(5), before), VaryRule.DEFAULT));
            assertFalse(cache.get(key("/slow")).isPresent());

            assertTrue(cache.put(page("/slow", "slow", Instant.now(), after), VaryRule.DEFAULT));
            assertEquals(after, cache.get(key("/slow")).orElseThrow().renderEpoch());
        } finally {
            container.stop();
        }
    }

    @Test
    void aSoftPurgeDuringTheRenderStoresTheEntryStale() {
        IsrCacheContainer container = IsrCacheContainerTest.container(dir);
        try {
            ResponseCache cache = container.responseCache();
            long before = cache.purgeEpoch();
            cache.purge(PurgeRequest.ofTags(List.of("soft")).asSoft(), Instant.now());
            assertTrue(cache.put(page("/soft", "soft", Instant.now(), before), VaryRule.DEFAULT));
            CachedResponse read = cache.get(key("/soft")).orElseThrow();
            assertEquals(dev.isr.core.Freshness.STALE_REVALIDATE, dev.isr.core.Freshness.assess(read, Instant.now()));
        } finally {
            container.stop();
        }
    }

    @Test
    void theEpochDoesNotGoBackwardsAfterARestart() {
        IsrCacheContainer first = IsrCacheContainerTest.container(dir);
        long rendered = first.responseCache().purgeEpoch();
        for (int i = 0; i < 3; i++) {
            first.responseCache().purge(PurgeRequest.ofTags(List.of("t" + i)), Instant.now());
        }
        long epoch = first.responseCache().purgeEpoch();
        assertEquals(rendered + 3, epoch);
        first.stop();

        IsrCacheContainer second = IsrCacheContainerTest.container(dir);
        try {
            ResponseCache cache = second.responseCache();
            assertEquals(epoch, cache.purgeEpoch(), "the counter came back from disk");
            assertFalse(
                    cache.put(page("/t0", "t0", Instant.now(), rendered), VaryRule.DEFAULT),
                    "the purge before the restart still wins over the render that started before it");
            cache.purge(PurgeRequest.ofTags(List.of("t9")), Instant.now());
            assertEquals(epoch + 1, cache.purgeEpoch());
        } finally {
            second.stop();
        }
    }

    @Test
    void aLostCounterIsRaisedToTheHighestRecordAndNeverExpires() {
        DefaultCacheManager manager = new DefaultCacheManager();
        try {
            manager.defineConfiguration("purges", new ConfigurationBuilder().build());
            Cache<String, PurgeRecord> purges = manager.getCache("purges");
            PurgeRecords records =
                    new PurgeRecords(purges, Duration.ofMinutes(1), Clock.systemUTC(), Duration.ofSeconds(2));
            records.start();
            records.record(PurgeRequest.ofTags(List.of("a")), 1000);
            records.record(PurgeRequest.ofTags(List.of("b")).asSoft(), 2000);
            assertEquals(3, records.epoch());
            assertEquals(
                    -1,
                    purges.getAdvancedCache().getCacheEntry(PurgeRecords.EPOCH).getLifespan(),
                    "the counter has no lifespan");
            assertEquals(
                    60_000,
                    purges.getAdvancedCache()
                            .getCacheEntry(PurgeRecord.tagKey("a"))
                            .getLifespan());

            purges.remove(PurgeRecords.EPOCH);
            assertEquals(PurgeRecords.FIRST_EPOCH, records.epoch());
            PurgeRecords restarted =
                    new PurgeRecords(purges, Duration.ofMinutes(1), Clock.systemUTC(), Duration.ofSeconds(2));
            restarted.start();
            assertEquals(3, restarted.epoch(), "raised to the soft record's epoch");
            restarted.record(PurgeRequest.ofTags(List.of("c")), 3000);
            assertEquals(4, restarted.epoch());
        } finally {
            manager.stop();
        }
    }

    @Test
    void aRecordDatedBeyondTheClockSkewIsClampedInTheCacheAndOneWithinItIsKept() throws Exception {
        DefaultCacheManager manager = new DefaultCacheManager();
        try {
            manager.defineConfiguration("purges", new ConfigurationBuilder().build());
            Cache<String, PurgeRecord> purges = manager.getCache("purges");
            PurgeRecords records =
                    new PurgeRecords(purges, Duration.ofMinutes(1), Clock.systemUTC(), Duration.ofSeconds(2));
            records.start();
            long now = System.currentTimeMillis();
            purges.put(PurgeRecord.tagKey("far"), new PurgeRecord(now + 3_600_000, 0, 2, 0));
            purges.put(PurgeRecord.tagKey("near"), new PurgeRecord(now + 1_000, 0, 3, 0));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (purges.get(PurgeRecord.tagKey("far")).hardAtMillis() > now + 60_000
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            PurgeRecord far = purges.get(PurgeRecord.tagKey("far"));
            assertTrue(far.hardAtMillis() <= System.currentTimeMillis(), "clamped to the clock: " + far);
            assertEquals(2, far.hardEpoch(), "the epoch is kept");
            assertEquals(
                    now + 1_000,
                    purges.get(PurgeRecord.tagKey("near")).hardAtMillis(),
                    "within the skew: kept as written (and counted from its arrival)");
        } finally {
            manager.stop();
        }
    }

    @Test
    void anOldEntryFollowsTheTimeRuleAndAFutureDatedPurgeCountsFromItsArrival() {
        SteppedClock clock = new SteppedClock(Instant.now());
        IsrCacheContainer container = IsrCacheContainerTest.container(dir, clock);
        try {
            ResponseCache cache = container.responseCache();
            Instant t0 = clock.instant();
            assertTrue(cache.put(page("/old", "old", t0.minusSeconds(60), 0), VaryRule.DEFAULT));
            cache.purge(PurgeRequest.ofTags(List.of("old")), t0);
            assertFalse(cache.get(key("/old")).isPresent(), "stored before the purge time");
            clock.step(Duration.ofSeconds(1));
            assertTrue(cache.put(page("/old", "old", clock.instant(), 0), VaryRule.DEFAULT));
            assertTrue(cache.get(key("/old")).isPresent(), "stored after the purge time");

            // a node whose clock runs 30 days ahead purges: entries stored from now on must not be hidden for 30 days
            Instant t1 = clock.instant();
            cache.put(page("/skew", "skew", t1.minusSeconds(60), 0), VaryRule.DEFAULT);
            cache.purge(PurgeRequest.ofTags(List.of("skew")), t1.plus(Duration.ofDays(30)));
            assertFalse(cache.get(key("/skew")).isPresent(), "stored before the purge arrived");
            clock.step(Duration.ofSeconds(1));
            assertTrue(cache.put(page("/skew", "skew", clock.instant(), 0), VaryRule.DEFAULT));
            clock.step(Duration.ofSeconds(1));
            assertTrue(cache.get(key("/skew")).isPresent(), "stored after the purge arrived");
        } finally {
            container.stop();
        }
    }

    /** A clock that moves only when told to. */
    static final class SteppedClock extends Clock {

        private volatile Instant now;

        SteppedClock(Instant start) {
            now = start;
        }

        void step(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
