package dev.isr.core;

import static dev.isr.core.Entries.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whether a purge record hides an entry, marks it stale or leaves it: by render epoch when the entry has one, by time
 * (clamped to the reader's present) when it does not.
 */
class PurgeVerdictTest {

    @ParameterizedTest(name = "[{index}] {0}: render epoch {1}, stored {2}, now {3}, record {4}/{5} ms {6}/{7} -> {8}")
    @CsvSource(textBlock = """
            no purge,                                  3, 100, 1000,   0,    0,    0, 0, STANDS
            rendered before a hard purge,              3, 100, 1000,   50,   0,    4, 0, HARD
            rendered before and stored after a purge, 3, 900, 1000,   500,  0,    4, 0, HARD
            rendered in the purge's epoch,             4, 100, 1000,   500,  0,    4, 0, STANDS
            rendered after the purge,                  5, 100, 1000,   500,  0,    4, 0, STANDS
            rendered before a soft purge,              3, 100, 1000,   0,    500,  0, 4, SOFT
            rendered after a soft purge,               4, 100, 1000,   0,    500,  0, 4, STANDS
            hard wins over soft,                       3, 100, 1000,   500,  500,  4, 5, HARD
            soft after an older hard purge,            4, 100, 1000,   500,  600,  4, 5, SOFT
            epoch entry ignores times entirely,        9, 100, 1000,   999,  999,  4, 4, STANDS
            epoch entry ignores old time-only records, 1, 100, 1000,   999,  999,  0, 0, STANDS
            old entry stored before a hard purge,      0, 100, 1000,   500,  0,    4, 0, HARD
            old entry stored at the purge's ms,        0, 500, 1000,   500,  0,    4, 0, HARD
            old entry stored after a hard purge,       0, 600, 1000,   500,  0,    4, 0, STANDS
            old entry stored before a soft purge,      0, 100, 1000,   0,    500,  0, 4, SOFT
            old entry stored after a soft purge,       0, 600, 1000,   0,    500,  0, 4, STANDS
            old entry after a future-dated hard purge, 0, 1500, 1000,  9000, 0,    4, 0, STANDS
            old entry before now and future purge,     0, 900, 1000,   9000, 0,    4, 0, HARD
            old entry after a future-dated soft purge, 0, 1500, 1000,  0,    9000, 0, 4, STANDS
            unreadable record hides old entries,       0, 900, 1000,   -1,   0,    -1, 0, HARD
            unreadable record hides epoch entries,     7, 900, 1000,   -1,   0,    -1, 0, HARD
            """)
    void verdict(
            String rule,
            long renderEpoch,
            long storedAt,
            long now,
            long hardAt,
            long softAt,
            long hardEpoch,
            long softEpoch,
            String expected) {
        PurgeRecord record = new PurgeRecord(orMax(hardAt), softAt, orMax(hardEpoch), softEpoch);
        PurgeRecord.PurgeVerdict verdict = record.verdictFor(renderEpoch, storedAt, now);
        assertEquals(expected, verdict == null ? "STANDS" : verdict.name(), rule);
    }

    private static long orMax(long value) {
        return value < 0 ? Long.MAX_VALUE : value;
    }

    @Test
    void unreadableIsTheRecordOfAFailedRead() {
        assertEquals(new PurgeRecord(Long.MAX_VALUE, 0, Long.MAX_VALUE, 0), PurgeRecord.UNREADABLE);
    }

    @Test
    void epochsAndTimesOnlyMoveForward() {
        PurgeRecord record =
                PurgeRecord.NONE.with(false, 500, 4).with(true, 400, 6).with(false, 300, 2);
        assertEquals(new PurgeRecord(500, 400, 4, 6), record);
        assertEquals(new PurgeRecord(500, 700, 5, 6), record.merge(new PurgeRecord(100, 700, 5, 1)));
        assertEquals(6, record.latestEpoch());
    }

    @Test
    void mergeIsTheFieldwiseMaximumAndAllocatesNothingWhenOneSideCoversTheOther() {
        PurgeRecord record = new PurgeRecord(500, 400, 4, 6);
        for (PurgeRecord[] row : new PurgeRecord[][] {
            // other, expected merge of record and other
            {PurgeRecord.NONE, record},
            {record, record},
            {new PurgeRecord(100, 400, 4, 1), record},
            {new PurgeRecord(600, 400, 7, 6), new PurgeRecord(600, 400, 7, 6)},
            {new PurgeRecord(100, 700, 5, 1), new PurgeRecord(500, 700, 5, 6)},
            {PurgeRecord.UNREADABLE, new PurgeRecord(Long.MAX_VALUE, 400, Long.MAX_VALUE, 6)}
        }) {
            assertEquals(row[1], record.merge(row[0]), "merge with " + row[0]);
            assertEquals(row[1], row[0].merge(record), "merge of " + row[0]);
        }
        assertSame(record, record.merge(PurgeRecord.NONE));
        assertSame(record, PurgeRecord.NONE.merge(record));
    }

    @Test
    void notAfterClampsTimesButNotEpochs() {
        PurgeRecord record = new PurgeRecord(9000, 100, 4, 3);
        assertEquals(new PurgeRecord(1000, 100, 4, 3), record.notAfter(1000));
        assertSame(record, record.notAfter(9000));
    }

    @Test
    void negativeValuesAreRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PurgeRecord(0, 0, -3, 0));
        assertEquals(true, e.getMessage().contains("-3"));
    }

    @Test
    void applyToHidesSoftPurgesFromThePurgeOrFromNowIfDatedLater() {
        CachedResponse entry = entry(3);
        Instant now = T0.plusSeconds(10);
        assertNull(new PurgeRecord(0, 0, 4, 0).applyTo(entry, now));
        assertSame(entry, new PurgeRecord(0, 0, 3, 3).applyTo(entry, now));
        CachedResponse stale = new PurgeRecord(0, T0.plusSeconds(5).toEpochMilli(), 0, 4).applyTo(entry, now);
        assertEquals(Freshness.STALE_REVALIDATE, Freshness.assess(stale, T0.plusSeconds(6)));
        assertEquals(3, stale.renderEpoch(), "a soft purge keeps the render epoch");
        CachedResponse clamped = new PurgeRecord(0, T0.plusSeconds(3600).toEpochMilli(), 0, 4).applyTo(entry, now);
        assertEquals(
                Freshness.STALE_REVALIDATE,
                Freshness.assess(clamped, now),
                "stale now, not in an hour when the purging clock says the purge was");
    }

    @Test
    void recordKeysOfARequestAndOfAnEntry() {
        PurgeRequest request = new PurgeRequest(List.of("a"), List.of("/p"), List.of("/x/"), true, false);
        assertEquals(List.of("*", "t:a", "p:/p", "x:/x/"), PurgeRecord.keysOf(request));
        assertEquals(List.of("*", "p:/p", "t:a", "t:b"), PurgeRecord.exactKeysFor(entry(1)));
        assertEquals("/x/", PurgeRecord.prefixOf("x:/x/"));
        assertNull(PurgeRecord.prefixOf("t:x:"));
    }

    @Test
    void theEightArgumentConstructorLeavesTheRenderEpochUnknown() {
        CachedResponse entry = entry(5);
        CachedResponse old = new CachedResponse(
                entry.key(),
                entry.status(),
                entry.headers(),
                entry.body(),
                entry.storedAt(),
                entry.policy(),
                entry.replayFields(),
                entry.tags());
        assertEquals(0, old.renderEpoch());
        assertEquals(false, old.equals(entry), "the render epoch is part of equality");
        assertThrows(
                IllegalArgumentException.class,
                () -> new CachedResponse(
                        entry.key(), 200, List.of(), new byte[0], T0, entry.policy(), List.of(), List.of(), -1));
    }

    @Test
    void theTestCacheRefusesARenderPurgedWhileInFlight() {
        MapCache cache = new MapCache();
        long before = cache.purgeEpoch();
        assertEquals(1, before, "the epoch starts at 1");
        cache.purge(PurgeRequest.ofTags(List.of("a")), T0);
        assertEquals(false, cache.put(entry(before)), "rendered before the purge");
        assertEquals(true, cache.put(entry(cache.purgeEpoch())), "rendered after it");
        assertEquals(
                cache.purgeEpoch(),
                cache.get(new CacheKey("/p", "")).orElseThrow().renderEpoch());
    }

    private static CachedResponse entry(long renderEpoch) {
        return new CachedResponse(
                new CacheKey("/p", ""),
                200,
                List.of(),
                new byte[0],
                T0,
                Entries.policy(60, 30, 0, false),
                List.of(),
                List.of("a", "b"),
                renderEpoch);
    }
}
