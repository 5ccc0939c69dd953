package dev.isr.core;

import static dev.isr.core.Entries.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The read path's defences of a shared cache: origins, credentials, hit-for-pass, revalidation origins, canonical
 * paths. Each test is one way a visitor could otherwise be served, or make others be served, what is not theirs.
 */
class FrontDoorSharingTest {

    private static final String PUBLIC = "https://www.example.com";
    private static final String TOKEN = "0123456789abcdef-secret";

    private final MapCache cache = new MapCache();
    private final CacheStatistics statistics = new CacheStatistics();
    private final PassMemory passes = new PassMemory(Duration.ofSeconds(60));

    private FrontDoor frontDoor(List<String> origins) {
        return new FrontDoor(
                cache,
                new CacheKeyFactory(IsrConfig.DEFAULT_IGNORED_QUERY_PARAMS),
                new CacheStatus("isr"),
                Revalidator.NONE,
                TOKEN::equals,
                statistics,
                new PublicOrigins(origins),
                passes);
    }

    private static HeaderLookup headers(Map<String, String> fields) {
        return name -> fields.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .toList();
    }

    private static IncomingRequest get(String origin, String path, Map<String, String> fields, boolean principal) {
        return new IncomingRequest(
                "GET", origin == null ? null : Origin.parse(origin), path, null, headers(fields), principal);
    }

    @Test
    void requestForAnOriginNotServedIsBypassedWithoutLookup() {
        cache.put(Entries.entry(
                new CacheKey("https://evil.example", "/p", "", ""), Entries.policy(60, 0, 0, false), List.of()));
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class,
                frontDoor(List.of(PUBLIC)).lookup(get("https://evil.example", "/p", Map.of(), false), T0));
        assertEquals("unknown-origin", forward.detail());
        assertFalse(forward.mayStore());
        assertNull(forward.key());
    }

    @Test
    void requestWithoutAValidHostIsBypassed() {
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class, frontDoor(List.of()).lookup(get(null, "/p", Map.of(), false), T0));
        assertEquals("unknown-origin", forward.detail());
        assertFalse(forward.mayStore());
    }

    @Test
    void everyOriginHasEntriesOfItsOwn() {
        cache.put(Entries.entry("/p", Entries.policy(60, 0, 0, false)));
        FrontDoor open = frontDoor(List.of());
        assertInstanceOf(Lookup.Serve.class, open.lookup(get(Entries.ORIGIN, "/p", Map.of(), false), T0));
        Lookup.Forward other = assertInstanceOf(
                Lookup.Forward.class, open.lookup(get("http://evil.example", "/p", Map.of(), false), T0));
        assertEquals("http://evil.example/p", other.key().value());
    }

    @Test
    void aliasesOfOnePathFindOneEntry() {
        cache.put(Entries.entry("/books/1", Entries.policy(60, 0, 0, false)));
        for (String alias : List.of("/books/%31", "/books/1;x=1", "/books/./1", "/books/x/../1")) {
            assertInstanceOf(
                    Lookup.Serve.class,
                    frontDoor(List.of()).lookup(get(Entries.ORIGIN, alias, Map.of(), false), T0),
                    alias);
        }
    }

    @Test
    void malformedPathIsBypassed() {
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class, frontDoor(List.of()).lookup(get(Entries.ORIGIN, "/a%zz", Map.of(), false), T0));
        assertEquals("malformed-path", forward.detail());
        assertFalse(forward.mayStore());
    }

    @Test
    void requestsWithCredentialsNeitherLeadNorFollowACollapsedRender() {
        FrontDoor door = frontDoor(List.of());
        for (IncomingRequest request : List.of(
                get(Entries.ORIGIN, "/p", Map.of("Authorization", "Basic eDp5"), false),
                get(Entries.ORIGIN, "/p", Map.of("Proxy-Authorization", "Basic eDp5"), false),
                get(Entries.ORIGIN, "/p", Map.of(), true))) {
            Lookup.Forward forward = assertInstanceOf(Lookup.Forward.class, door.lookup(request, T0));
            assertTrue(forward.mayStore(), "a public response may still be stored");
            assertFalse(forward.collapsible());
        }
        assertTrue(
                assertInstanceOf(Lookup.Forward.class, door.lookup(get(Entries.ORIGIN, "/p", Map.of(), false), T0))
                        .collapsible(),
                "anonymous: collapsed");
    }

    @Test
    void recentlyUnstorableKeyIsRenderedWithoutCollapsing() {
        FrontDoor door = frontDoor(List.of());
        Lookup.Forward first =
                assertInstanceOf(Lookup.Forward.class, door.lookup(get(Entries.ORIGIN, "/me", Map.of(), false), T0));
        passes.remember(first.key(), T0);
        Lookup.Forward second = assertInstanceOf(
                Lookup.Forward.class, door.lookup(get(Entries.ORIGIN, "/me", Map.of(), false), T0.plusSeconds(1)));
        assertFalse(second.collapsible());
        assertTrue(second.mayStore(), "a page that turns storable is stored again");
        assertEquals(1, statistics.snapshot().passes());
    }

    @Test
    void authenticatedRevalidationRendersForTheEntrysOrigin() {
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class,
                frontDoor(List.of(PUBLIC))
                        .lookup(
                                get(
                                        "http://127.0.0.1:8080",
                                        "/p",
                                        Map.of("Isr-Revalidate", TOKEN, "Isr-Revalidate-Origin", PUBLIC),
                                        false),
                                T0));
        assertTrue(forward.revalidation());
        assertEquals(PUBLIC, forward.target().origin());
        assertEquals(PUBLIC + "/p", forward.key().value());
    }

    @Test
    void revalidationOriginWithoutTheTokenIsIgnored() {
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class,
                frontDoor(List.of())
                        .lookup(
                                get(
                                        "http://127.0.0.1:8080",
                                        "/p",
                                        Map.of("Isr-Revalidate", "guess", "Isr-Revalidate-Origin", PUBLIC),
                                        false),
                                T0));
        assertFalse(forward.revalidation());
        assertEquals("http://127.0.0.1:8080/p", forward.key().value());
    }

    @Test
    void revalidationForAnOriginNotServedIsNotARevalidation() {
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class,
                frontDoor(List.of(PUBLIC))
                        .lookup(
                                get(
                                        PUBLIC,
                                        "/p",
                                        Map.of(
                                                "Isr-Revalidate",
                                                TOKEN,
                                                "Isr-Revalidate-Origin",
                                                "https://evil.example"),
                                        false),
                                T0));
        assertFalse(forward.revalidation());
    }

    @Test
    void renderCarriesThePurgeEpochItStartedAt() {
        long epoch = cache.purgeEpoch();
        Lookup.Forward forward = assertInstanceOf(
                Lookup.Forward.class, frontDoor(List.of()).lookup(get(Entries.ORIGIN, "/p", Map.of(), false), T0));
        assertEquals(epoch, forward.renderEpoch());
        cache.purge(PurgeRequest.ofTags(List.of("t")), T0);
        assertTrue(cache.purgeEpoch() > epoch);
    }
}
