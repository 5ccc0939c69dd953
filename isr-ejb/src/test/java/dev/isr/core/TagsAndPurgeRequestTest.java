package dev.isr.core;

import static dev.isr.core.Entries.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tags from responses, purge requests, and what a soft purge does to an entry. */
class TagsAndPurgeRequestTest {

    private static HeaderLookup fields(Map<String, List<String>> fields) {
        return name -> fields.getOrDefault(name, List.of());
    }

    @Test
    void tagsAreTheUnionOfTheThreeFields() {
        Tags.Parsed parsed = Tags.of(fields(Map.of(
                "Isr-Cache-Tag", List.of("a, b"),
                "Cache-Tag", List.of("b,c", "d"),
                "Surrogate-Key", List.of("e  f a"))));
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), parsed.accepted());
        assertTrue(parsed.rejected().isEmpty());
    }

    @Test
    void hostileTagsAreDroppedAndReported() {
        String tooLong = "x".repeat(Tags.MAX_LENGTH + 1);
        Tags.Parsed parsed = Tags.of(fields(Map.of(
                "Cache-Tag",
                List.of("ok, " + tooLong + ", caf\u00e9, \"q\", a\\b"),
                "Surrogate-Key",
                List.of("be\u0007ll fine"))));
        assertEquals(List.of("ok", "fine"), parsed.accepted());
        assertEquals(5, parsed.rejected().size());
        assertEquals("bell\\x07", Tags.forLog("bell\u0007"));
    }

    @Test
    void tagsPastTheLimitAreDropped() {
        String many = String.join(
                ",",
                IntStream.range(0, Tags.MAX_PER_RESPONSE + 3)
                        .mapToObj(i -> "t" + i)
                        .toList());
        Tags.Parsed parsed = Tags.of(fields(Map.of("Cache-Tag", List.of(many))));
        assertEquals(Tags.MAX_PER_RESPONSE, parsed.accepted().size());
        assertEquals(3, parsed.rejected().size());
    }

    @Test
    void purgeRequestNeedsSomethingToPurge() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PurgeRequest.ofTags(List.of()));
        assertTrue(e.getMessage().startsWith("nothing to purge"), e.getMessage());
        PurgeRequest.everything();
    }

    @ParameterizedTest
    @ValueSource(strings = {"books", "nothing", "/x y", "", "/a\nb"})
    void invalidPathsAreRefusedWithTheValue(String path) {
        if (path.startsWith("/") && !path.contains(" ") && !path.contains("\n")) {
            return;
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PurgeRequest.ofPaths(List.of(path)));
        assertTrue(e.getMessage().contains(Tags.forLog(path)), e.getMessage());
    }

    @Test
    void tooManyItemsAreRefused() {
        List<String> tags = IntStream.range(0, PurgeRequest.MAX_ITEMS + 1)
                .mapToObj(i -> "t" + i)
                .toList();
        assertThrows(IllegalArgumentException.class, () -> PurgeRequest.ofTags(tags));
        assertThrows(IllegalArgumentException.class, () -> PurgeRequest.ofTags(List.of("bad tag")));
    }

    @Test
    void describeEscapesClientText() {
        assertEquals(
                "soft tags=[a] prefixes=[/p]",
                new PurgeRequest(List.of("a", "a"), List.of(), List.of("/p"), false, true).describe());
    }

    @Test
    void softPurgeMakesAnEntryStaleButServableUntilItsEnd() {
        CachedResponse entry = Entries.entry("/p", Entries.policy(60, 0, 0, false));
        CachedResponse purged = entry.softPurged(T0.plusSeconds(10));
        assertEquals(Freshness.STALE_REVALIDATE, Freshness.assess(purged, T0.plusSeconds(10)));
        assertEquals(Freshness.STALE_REVALIDATE, Freshness.assess(purged, T0.plusSeconds(59)));
        assertEquals(Freshness.MUST_FETCH, Freshness.assess(purged, T0.plusSeconds(61)));
        assertEquals(entry.storedAt(), purged.storedAt(), "its age is unchanged");
        assertTrue(purged.ttlSeconds(T0.plusSeconds(10)) <= 0);

        CachedResponse strict = Entries.entry("/p", Entries.policy(60, 30, 0, true));
        assertEquals(
                Freshness.MUST_FETCH,
                Freshness.assess(strict.softPurged(T0.plusSeconds(10)), T0.plusSeconds(10)),
                "must-revalidate: a soft purge cannot serve it stale");
        CachedResponse stale = Entries.entry("/p", Entries.policy(60, 30, 0, false));
        assertSame(stale, stale.softPurged(T0.plusSeconds(70)), "already stale: unchanged");
    }
}
