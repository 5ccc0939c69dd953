package dev.isr.core;

import static dev.isr.core.Entries.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's log of recent purges and failed revalidations: newest first, bounded in count and size. */
class RecentEventsTest {

    @Test
    void newestFirstWithWhatEachEventSays() {
        RecentEvents events = new RecentEvents();
        events.purged(T0, PurgeRequest.ofTags(List.of("book-1")), "admin API", 3, 2);
        events.revalidationFailed(T0.plusSeconds(1), "http://example.test/books/2", "status 500");
        events.purged(T0.plusSeconds(2), PurgeRequest.ofPaths(List.of("/a")).asSoft(), "webhook", 1, 1);

        List<RecentEvents.Event> latest = events.latest(10);

        assertEquals(
                List.of(
                        new RecentEvents.Purge(T0.plusSeconds(2), "paths=[/a]", true, "webhook", 1, 1),
                        new RecentEvents.RevalidationFailed(
                                T0.plusSeconds(1), "http://example.test/books/2", "status 500"),
                        new RecentEvents.Purge(T0, "tags=[book-1]", false, "admin API", 3, 2)),
                latest);
        assertEquals(1, events.latest(1).size());
    }

    @Test
    void keepsTheLastCapacityEventsEachOfBoundedSize() {
        RecentEvents events = new RecentEvents();
        for (int i = 0; i < RecentEvents.CAPACITY * 3; i++) {
            events.revalidationFailed(T0.plusSeconds(i), "/k" + i + "x".repeat(10_000), "d".repeat(10_000));
        }

        List<RecentEvents.Event> latest = events.latest(Integer.MAX_VALUE);

        assertEquals(RecentEvents.CAPACITY, latest.size());
        assertEquals(
                T0.plusSeconds(RecentEvents.CAPACITY * 3 - 1), latest.get(0).at());
        assertTrue(latest.stream().allMatch(e -> e.summary().length() <= RecentEvents.MAX_SUMMARY));
        assertTrue(((RecentEvents.RevalidationFailed) latest.get(0)).detail().length() <= RecentEvents.MAX_SUMMARY);
    }

    @Test
    void refusalsAreRememberedPerKeyUntilStoredAndBounded() {
        StoreRefusals refusals = new StoreRefusals();
        CacheKey key = new CacheKey(Entries.ORIGIN, "/p", "", "");
        refusals.refused(key, "private", T0);
        assertEquals(new StoreRefusals.Refusal("private", T0), refusals.last(key));
        refusals.stored(key);
        assertEquals(null, refusals.last(key));
        for (int i = 0; i < StoreRefusals.CAPACITY * 2; i++) {
            refusals.refused(new CacheKey(Entries.ORIGIN, "/p" + i, "", ""), "set-cookie", T0);
        }
        assertEquals(StoreRefusals.CAPACITY, refusals.size());
        assertEquals(null, refusals.last(new CacheKey(Entries.ORIGIN, "/p0", "", "")), "the oldest is forgotten");
    }
}
