package dev.isr.core;

import static dev.isr.core.Entries.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The answer a front door before servlet dispatch may give alone ({@link FrontDoor#answerFromStore}): exactly the
 * hits {@link FrontDoor#lookup} serves, the same answer, and nothing counted or started for the rest.
 */
class FrontDoorAnswerFromStoreTest {

    private static final String TOKEN = "0123456789abcdef-secret";
    private static final CachePolicy FRESH_60 = Entries.policy(60, 0, 0, false);
    private static final CachePolicy SWR = Entries.policy(10, 60, 0, false);
    private static final CachePolicy SIE = Entries.policy(10, 0, 60, false);
    private static final CachePolicy NOT_SHARED =
            new CachePolicy(Duration.ofSeconds(60), Duration.ZERO, Duration.ZERO, false, false, false);

    /** One front door over one cache, with what it counted and revalidated. */
    private static final class Fixture {
        final MapCache cache = new MapCache();
        final List<CachedResponse> revalidated = new ArrayList<>();
        final CacheStatistics statistics = new CacheStatistics();
        /** What {@link Revalidator#underway} answers. */
        boolean underway;

        final Revalidator revalidator = new Revalidator() {
            @Override
            public void revalidate(CachedResponse stale) {
                revalidated.add(stale);
            }

            @Override
            public boolean underway(CachedResponse stale, Instant now) {
                return underway;
            }
        };
        final FrontDoor frontDoor = new FrontDoor(
                cache,
                new CacheKeyFactory(IsrConfig.DEFAULT_IGNORED_QUERY_PARAMS),
                new CacheStatus("isr"),
                revalidator,
                TOKEN::equals,
                statistics,
                new PublicOrigins(List.of()),
                new PassMemory(Duration.ofSeconds(60)));

        Fixture(CachePolicy stored, boolean available) {
            if (stored != null) {
                cache.put(Entries.entry(
                        new CacheKey(Entries.ORIGIN, "/books", "", ""), stored, List.of(new Header("ETag", "\"v1\""))));
            }
            cache.available = available;
        }
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                // goes on although lookup serves it: the Servlet filter logs the forged token (ISR0201)
                Arguments.of(
                        "a forged revalidation token",
                        "GET",
                        Map.of("Isr-Revalidate", "nope"),
                        FRESH_60,
                        5,
                        true,
                        false,
                        true),
                Arguments.of("fresh GET", "GET", Map.of(), FRESH_60, 5, true, true, true),
                Arguments.of("fresh HEAD", "HEAD", Map.of(), FRESH_60, 5, true, true, true),
                Arguments.of(
                        "fresh, validators match: 304",
                        "GET",
                        Map.of("If-None-Match", "\"v1\""),
                        FRESH_60,
                        5,
                        true,
                        true,
                        true),
                Arguments.of("stale within stale-while-revalidate", "GET", Map.of(), SWR, 30, true, true, true),
                Arguments.of("miss", "GET", Map.of(), null, 5, true, false, false),
                Arguments.of("expired, no stale window", "GET", Map.of(), FRESH_60, 90, true, false, false),
                Arguments.of("stale within stale-if-error only", "GET", Map.of(), SIE, 30, true, false, false),
                Arguments.of("POST", "POST", Map.of(), FRESH_60, 5, true, false, false),
                Arguments.of(
                        "authenticated revalidation",
                        "GET",
                        Map.of("Isr-Revalidate", TOKEN),
                        FRESH_60,
                        5,
                        true,
                        false,
                        false),
                Arguments.of(
                        "credentials, entry not shared with them",
                        "GET",
                        Map.of("Authorization", "Bearer x"),
                        NOT_SHARED,
                        5,
                        true,
                        false,
                        false),
                Arguments.of(
                        "credentials, entry shared with them",
                        "GET",
                        Map.of("Authorization", "Bearer x"),
                        FRESH_60,
                        5,
                        true,
                        true,
                        true),
                Arguments.of("cache unavailable", "GET", Map.of(), FRESH_60, 5, false, false, false));
    }

    @ParameterizedTest(name = "{0}: answered {6}")
    @MethodSource("requests")
    void answersExactlyTheHitsLookupServes(
            String name,
            String method,
            Map<String, String> fields,
            CachePolicy stored,
            long atSecond,
            boolean available,
            boolean answered,
            boolean lookupServes) {
        HeaderLookup headers = field -> fields.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(field))
                .map(Map.Entry::getValue)
                .toList();
        IncomingRequest request = Entries.request(method, "/books", null, headers);

        Fixture early = new Fixture(stored, available);
        Optional<Lookup.Serve> answer = early.frontDoor.answerFromStore(request, T0.plusSeconds(atSecond));
        Fixture full = new Fixture(stored, available);
        Lookup lookup = full.frontDoor.lookup(request, T0.plusSeconds(atSecond));

        assertEquals(answered, answer.isPresent(), name);
        assertEquals(lookupServes, lookup instanceof Lookup.Serve, "lookup: " + name);
        CacheStatistics.Snapshot counted = early.statistics.snapshot();
        if (answered) {
            Lookup.Serve served = assertInstanceOf(Lookup.Serve.class, lookup);
            assertEquals(served, answer.get(), "the same answer as lookup");
            assertEquals(full.revalidated, early.revalidated, "the same background revalidation");
            assertEquals(1, counted.beforeServlet());
            assertEquals(full.statistics.snapshot().hits(), counted.hits());
            assertEquals(full.statistics.snapshot().staleHits(), counted.staleHits());
        } else {
            assertTrue(early.revalidated.isEmpty(), "nothing started for a request that goes on");
            assertEquals(new CacheStatistics().snapshot(), counted, "nothing counted for a request that goes on");
        }
    }

    static Stream<Arguments> withoutBlocking() {
        return Stream.of(
                Arguments.of("fresh, in memory", FRESH_60, 5, false, "answer"),
                Arguments.of("fresh, on disk only: the Servlet filter reads the store", FRESH_60, 5, true, "pass on"),
                Arguments.of(
                        "stale within stale-while-revalidate: revalidation starts on a worker",
                        SWR,
                        30,
                        false,
                        "ask from a worker"),
                Arguments.of("stale within stale-if-error only: a render", SIE, 30, false, "pass on"),
                Arguments.of("expired", FRESH_60, 90, false, "pass on"),
                Arguments.of("miss", null, 5, false, "pass on"));
    }

    /**
     * On an I/O thread: stale hits whose revalidation is underway are answered there and start nothing; other stale
     * hits go to a worker, where their revalidation may start.
     */
    @ParameterizedTest(name = "revalidation underway {0}")
    @ValueSource(booleans = {false, true})
    void answersAStaleHitWithoutBlockingOnlyWhenItsRevalidationIsUnderway(boolean underway) {
        IncomingRequest request = Entries.request("GET", "/books", null, field -> List.of());
        Fixture early = new Fixture(SWR, true);
        early.underway = underway;
        FrontDoor.EarlyAnswer answer = early.frontDoor.answerWithoutBlocking(request, T0.plusSeconds(30));
        assertEquals(underway, answer.serve() != null);
        assertEquals(!underway, answer.askFromWorker());
        assertTrue(early.revalidated.isEmpty(), "nothing started here");
        assertEquals(underway ? 1 : 0, early.statistics.snapshot().staleHits());
        if (underway) {
            assertTrue(answer.serve().cacheStatus().endsWith("detail=stale-while-revalidate"));
        }
    }

    /** On an I/O thread: only fresh hits held in memory are answered; stale hits go to a worker, the rest on. */
    @ParameterizedTest(name = "{0}: {4}")
    @MethodSource("withoutBlocking")
    void answersWithoutBlockingOnlyFreshHitsInMemory(
            String name, CachePolicy stored, long atSecond, boolean onDiskOnly, String expected) {
        IncomingRequest request = Entries.request("GET", "/books", null, field -> List.of());
        Fixture early = new Fixture(stored, true);
        if (onDiskOnly) {
            early.cache.onDiskOnly.add(Entries.ORIGIN + "/books");
        }
        FrontDoor.EarlyAnswer answer = early.frontDoor.answerWithoutBlocking(request, T0.plusSeconds(atSecond));
        String got = answer.serve() != null ? "answer" : answer.askFromWorker() ? "ask from a worker" : "pass on";
        assertEquals(expected, got, name);
        if (answer.serve() != null) {
            assertEquals(
                    new Fixture(stored, true).frontDoor.answerFromStore(request, T0.plusSeconds(atSecond)),
                    Optional.of(answer.serve()));
            assertTrue(early.revalidated.isEmpty(), "nothing started on a thread that may not wait: " + name);
        } else {
            assertTrue(early.revalidated.isEmpty(), "nothing started: " + name);
            assertEquals(new CacheStatistics().snapshot(), early.statistics.snapshot(), "nothing counted: " + name);
        }
    }
}
