package dev.isr.core;

import static dev.isr.core.Entries.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console's "why is this not cached?": a dry run of the front door ({@link FrontDoor#dryRun}), explained.
 */
class ExplanationTest {

    private static final CacheStatus STATUS = new CacheStatus("isr");
    private final MapCache cache = new MapCache();
    private final FrontDoor dryRun = FrontDoor.dryRun(
            cache,
            new CacheKeyFactory(IsrConfig.DEFAULT_IGNORED_QUERY_PARAMS),
            STATUS,
            new PublicOrigins(List.of(Entries.ORIGIN)),
            new PassMemory(Duration.ofSeconds(60)));

    private Explanation explain(String path, Origin origin, StoreRefusals.Refusal last, java.time.Instant now) {
        Lookup lookup = dryRun.lookup(new IncomingRequest("GET", origin, path, null, name -> List.of(), false), now);
        return Explanation.of(lookup, STATUS, last, now);
    }

    @Test
    void decisionsAndTheirCacheStatus() {
        cache.put(Entries.entry("/fresh", Entries.policy(60, 0, 0, false)));
        cache.put(Entries.entry("/stale", Entries.policy(10, 600, 0, false)));
        cache.put(Entries.entry("/expired", Entries.policy(10, 0, 0, true)));
        Origin origin = Origin.parse(Entries.ORIGIN);
        java.time.Instant now = T0.plusSeconds(20);

        record Row(String path, Origin origin, String decision, String cacheStatus) {}
        List<Row> rows = List.of(
                new Row("/fresh", origin, "hit", "isr; hit; ttl=40"),
                new Row("/stale", origin, "stale", "isr; hit; ttl=-10; detail=stale-while-revalidate"),
                new Row("/expired", origin, "forward", "isr; fwd=stale"),
                new Row("/none", origin, "forward", "isr; fwd=uri-miss"),
                new Row(
                        "/fresh",
                        Origin.parse("http://elsewhere.test"),
                        "bypass",
                        "isr; fwd=bypass; detail=unknown-origin"));
        for (Row row : rows) {
            Explanation explanation = explain(row.path(), row.origin(), null, now);
            assertEquals(row.decision(), explanation.decision(), row.toString());
            assertEquals(row.cacheStatus(), explanation.cacheStatus(), row.toString());
        }
        assertEquals(3, cache.index().size(), "a dry run stores and removes nothing");
    }

    @Test
    void aRefusedRenderIsExplained() {
        Explanation explanation = explain(
                "/private", Origin.parse(Entries.ORIGIN), new StoreRefusals.Refusal("private", T0), T0.plusSeconds(12));

        assertEquals("forward", explanation.decision());
        assertTrue(explanation.explanation().contains("not stored (private, 12 s ago)"), explanation.explanation());
        assertEquals(Entries.ORIGIN + "/private", explanation.key());
    }
}
