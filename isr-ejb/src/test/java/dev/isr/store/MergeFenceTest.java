package dev.isr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.core.CachedResponse;
import dev.isr.core.Freshness;
import dev.isr.core.PurgeRecord;
import java.time.Duration;
import java.time.Instant;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After partitions merge, the other side may have purged what this node holds: entries stored before the merge are
 * served only after a render until a member of the other side has pushed its records (its reconciliation marker), or
 * the patience is over; entries stored after the merge, and this node's own marker, change nothing.
 */
class MergeFenceTest {

    private final PurgeEpochTest.SteppedClock clock = new PurgeEpochTest.SteppedClock(Instant.now());
    private DefaultCacheManager manager;
    private Cache<String, PurgeRecord> purges;
    private PurgeRecords records;

    @BeforeEach
    void start() {
        manager = new DefaultCacheManager();
        manager.defineConfiguration("purges", new ConfigurationBuilder().build());
        purges = manager.getCache("purges");
        records = new PurgeRecords(purges, Duration.ofMinutes(10), clock, Duration.ofSeconds(2));
        records.start();
    }

    @AfterEach
    void stop() {
        manager.stop();
    }

    @Test
    void entriesFromBeforeTheMergeWaitForTheOtherSidesRecords() {
        CachedResponse before =
                PurgeEpochTest.page("/before", "t", clock.instant().minusSeconds(60), 0);
        assertEquals(Freshness.FRESH, freshness(before));

        records.unconfirmedAfterMerge("node1", Duration.ofSeconds(30));
        assertTrue(records.unconfirmed());
        assertEquals(Freshness.MUST_FETCH, freshness(before), "stored before the merge: rendered before served");
        clock.step(Duration.ofMillis(10));
        CachedResponse after = PurgeEpochTest.page("/after", "t", clock.instant(), 0);
        assertEquals(Freshness.FRESH, freshness(after), "stored after the merge");

        purges.put(PurgeRecords.RECONCILED + "node1", new PurgeRecord(clock.millis(), 0, 0, 0));
        assertTrue(records.unconfirmed(), "this node's own marker confirms nothing");
        purges.put(PurgeRecords.RECONCILED + "node2", new PurgeRecord(clock.millis(), 0, 0, 0));
        assertFalse(records.unconfirmed(), "the other side's records have arrived");
        assertEquals(Freshness.FRESH, freshness(before));
    }

    @Test
    void withoutAConfirmationTheFenceEndsAfterThePatience() {
        CachedResponse before =
                PurgeEpochTest.page("/before", "t", clock.instant().minusSeconds(60), 0);
        records.unconfirmedAfterMerge("node1", Duration.ofSeconds(30));
        clock.step(Duration.ofSeconds(29));
        assertEquals(Freshness.MUST_FETCH, freshness(before));
        clock.step(Duration.ofSeconds(1));
        assertFalse(records.unconfirmed());
        assertEquals(Freshness.FRESH, freshness(before));
    }

    @Test
    void aStartAloneWaitsForAConfirmationPastAMergesPatience() {
        CachedResponse before =
                PurgeEpochTest.page("/before", "t", clock.instant().minusSeconds(60), 0);
        records.unconfirmedBefore(clock.millis(), "node1");
        clock.step(Duration.ofMinutes(30)); // far past a merge's patience, within the entry's hour of freshness
        assertTrue(records.unconfirmed());
        assertEquals(Freshness.MUST_FETCH, freshness(before));
    }

    private Freshness freshness(CachedResponse entry) {
        return Freshness.assess(records.applyTo(entry, clock.instant()), clock.instant());
    }
}
