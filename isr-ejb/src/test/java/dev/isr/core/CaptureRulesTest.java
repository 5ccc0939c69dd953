package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The write path: what happens to a rendered response. One row per case: the response's fields, the request's
 * fields, what the container saw of the visitor, and the decision with its {@code Cache-Status} detail.
 */
class CaptureRulesTest {

    private static final CacheKeyFactory KEYS = new CacheKeyFactory(IsrConfig.DEFAULT_IGNORED_QUERY_PARAMS);
    private static final CaptureRules RULES =
            new CaptureRules(new ResponseStorability(IsrConfig.DEFAULT_STORABLE_STATUSES, false), KEYS);
    private static final RequestTarget TARGET = new RequestTarget(Entries.ORIGIN, "/p", null);

    private static HeaderLookup fields(String spec) {
        return Fields.of(spec);
    }

    private static Lookup.Forward miss(RequestTarget target) {
        return Lookup.Forward.render(
                VaryRule.DEFAULT.keyFor(KEYS, target, fields(null)), target, CacheStatus.Forward.URI_MISS, null, 7);
    }

    private static VisitorSignals visitor(String signs) {
        return new VisitorSignals(signs.contains("session"), signs.contains("principal"), signs.contains("cookie"));
    }

    @ParameterizedTest(name = "[{index}] {0} | req [{1}] | {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            CDN-Cache-Control: s-maxage=60 | - | - | store
            Cache-Control: private, max-age=60 | - | - | private
            CDN-Cache-Control: s-maxage=60;; Vary: Authorization | - | - | vary-credentials
            CDN-Cache-Control: s-maxage=60;; Vary: Accept, Cookie | - | - | vary-credentials
            CDN-Cache-Control: s-maxage=60;; Isr-Vary: header=Proxy-Authorization | - | - | vary-credentials
            CDN-Cache-Control: s-maxage=60;; Isr-Vary: cookie=ab | - | - | store
            CDN-Cache-Control: s-maxage=60 | - | session | session
            CDN-Cache-Control: s-maxage=60 | - | principal | principal
            CDN-Cache-Control: s-maxage=60 | - | cookie | set-cookie
            CDN-Cache-Control: s-maxage=60;; Set-Cookie: a=1 | - | - | set-cookie
            Isr-Cache-Control: public, s-maxage=60, visitor-independent | - | session | store
            Isr-Cache-Control: public, s-maxage=60, visitor-independent | - | session principal | store
            Isr-Cache-Control: s-maxage=60, visitor-independent | - | session | session
            Isr-Cache-Control: public, s-maxage=60, visitor-independent | - | cookie | set-cookie
            Cache-Control: max-age=60 | Authorization: Basic x | - | authorization
            Cache-Control: max-age=60 | Proxy-Authorization: x | - | authorization
            Cache-Control: max-age=60 | - | principal | authorization
            Cache-Control: public, max-age=60 | Authorization: Basic x | - | store
            """)
    void responseOfAMiss(String response, String request, String signs, String expected) {
        CaptureDecision decision = RULES.decide(
                miss(TARGET),
                false,
                "GET",
                200,
                fields(request),
                fields(response),
                signs == null ? VisitorSignals.NONE : visitor(signs));
        if (expected.equals("store")) {
            assertInstanceOf(CaptureDecision.Store.class, decision);
        } else {
            assertEquals(
                    expected,
                    assertInstanceOf(CaptureDecision.Bypass.class, decision).detail());
        }
    }

    @Test
    void notLookedUpIsNeverStored() {
        assertInstanceOf(
                CaptureDecision.Unseen.class,
                RULES.decide(
                        null,
                        false,
                        "GET",
                        200,
                        fields(null),
                        fields("CDN-Cache-Control: s-maxage=60"),
                        VisitorSignals.NONE));
    }

    @Test
    void adminAnswersAreNeverStoredWhateverTheySay() {
        CaptureDecision.PassOn pass = assertInstanceOf(
                CaptureDecision.PassOn.class,
                RULES.decide(
                        miss(TARGET),
                        true,
                        "GET",
                        200,
                        fields(null),
                        fields("Cache-Control: public, s-maxage=600"),
                        VisitorSignals.NONE));
        assertEquals("admin", pass.detail());
        assertEquals(CacheStatus.Forward.BYPASS, pass.reason());
    }

    @Test
    void unsafeMethodInvalidatesItsPath() {
        CaptureDecision.Invalidate invalidate = assertInstanceOf(
                CaptureDecision.Invalidate.class,
                RULES.decide(
                        Lookup.Forward.method(TARGET),
                        false,
                        "POST",
                        200,
                        fields(null),
                        fields(null),
                        VisitorSignals.NONE));
        assertEquals("/p", invalidate.path());
    }

    @Test
    void serverErrorWithinStaleIfErrorAnswersStale() {
        CachedResponse stale = Entries.entry("/p", Entries.policy(1, 0, 60, false));
        Lookup.Forward forward = Lookup.Forward.render(stale.key(), TARGET, CacheStatus.Forward.STALE, stale, 7);
        assertSame(
                stale,
                assertInstanceOf(
                                CaptureDecision.AnswerStale.class,
                                RULES.decide(
                                        forward, false, "GET", 503, fields(null), fields(null), VisitorSignals.NONE))
                        .stale());
    }

    @Test
    void headIsPassedOnUnstored() {
        CaptureDecision.PassOn pass = assertInstanceOf(
                CaptureDecision.PassOn.class,
                RULES.decide(
                        miss(TARGET).withoutStoring(null),
                        false,
                        "HEAD",
                        200,
                        fields(null),
                        fields("CDN-Cache-Control: s-maxage=60"),
                        VisitorSignals.NONE));
        assertNull(pass.detail());
    }

    @Test
    void failedRevalidationKeepsTheStaleEntry() {
        CaptureDecision.PassOn pass = assertInstanceOf(
                CaptureDecision.PassOn.class,
                RULES.decide(
                        miss(TARGET).withRevalidation(),
                        false,
                        "GET",
                        500,
                        fields(null),
                        fields("CDN-Cache-Control: s-maxage=60"),
                        VisitorSignals.NONE));
        assertEquals("revalidation-failed", pass.detail());
    }

    @Test
    void revalidationToldNotToCacheDropsTheStaleEntry() {
        CaptureDecision.Bypass bypass = assertInstanceOf(
                CaptureDecision.Bypass.class,
                RULES.decide(
                        miss(TARGET).withRevalidation(),
                        false,
                        "GET",
                        200,
                        fields(null),
                        fields("Cache-Control: no-store"),
                        VisitorSignals.NONE));
        assertTrue(bypass.dropStale());
    }

    @Test
    void queryParametersTheRuleDoesNotKeyOnWereShownSoNothingIsStoredButTheRuleIsLearned() {
        RequestTarget target = new RequestTarget(Entries.ORIGIN, "/p", "a=1&b=PAYLOAD");
        CaptureDecision.Bypass bypass = assertInstanceOf(
                CaptureDecision.Bypass.class,
                RULES.decide(
                        miss(target),
                        false,
                        "GET",
                        200,
                        fields(null),
                        fields("CDN-Cache-Control: s-maxage=60;; Isr-Vary: query=a"),
                        VisitorSignals.NONE));
        assertEquals("unkeyed-query", bypass.detail());
        assertEquals(List.of("a"), bypass.learnedRule().queryParams());
    }

    @Test
    void onceTheRuleIsKnownOnlyKeyedParametersAreShownAndTheResponseIsStored() {
        RequestTarget target = new RequestTarget(Entries.ORIGIN, "/p", "a=1&b=PAYLOAD");
        VaryRule rule = VaryRule.parse("query=a", null);
        Lookup.Forward forward = Lookup.Forward.render(
                rule.keyFor(KEYS, target, fields(null)), target, CacheStatus.Forward.URI_MISS, null, 7);
        CaptureDecision.Store store = assertInstanceOf(
                CaptureDecision.Store.class,
                RULES.decide(
                        forward,
                        false,
                        "GET",
                        200,
                        fields(null),
                        fields("CDN-Cache-Control: s-maxage=60;; Isr-Vary: query=a"),
                        VisitorSignals.NONE));
        assertEquals(Entries.ORIGIN + "/p?a=1", store.key().value());
    }

    @Test
    void storeCarriesTagsAndTheFieldsARevalidationReplays() {
        CaptureDecision.Store store = assertInstanceOf(
                CaptureDecision.Store.class,
                RULES.decide(
                        miss(TARGET),
                        false,
                        "GET",
                        200,
                        fields("Accept-Language: de"),
                        fields("CDN-Cache-Control: s-maxage=60;; Vary: Accept-Language;; Cache-Tag: a, b"),
                        VisitorSignals.NONE));
        assertEquals(List.of(new Header("accept-language", "de")), store.replayFields());
        assertEquals(List.of("a", "b"), store.tags());
        assertEquals(Entries.ORIGIN + "/p#h:accept-language=de", store.key().value());
    }

    /** {@code IsrContext.uncacheable(reason)}: a bypass with that detail, whatever the fields say. */
    @ParameterizedTest(name = "[{index}] {0} | revalidation {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Isr-Cache-Control: s-maxage=60                       | false
            CDN-Cache-Control: s-maxage=60;; Cache-Tag: a        | false
            Cache-Control: public, max-age=60                    | false
            Cache-Control: no-store                              | false
            Isr-Cache-Control: s-maxage=60                       | true
            """)
    void declaredUncacheableIsABypassWhateverTheFieldsSay(String response, boolean revalidation) {
        Lookup.Forward forward = revalidation ? miss(TARGET).withRevalidation() : miss(TARGET);
        CaptureDecision.Bypass bypass = assertInstanceOf(
                CaptureDecision.Bypass.class,
                RULES.decide(
                        forward, false, "GET", 200, fields(null), fields(response), VisitorSignals.NONE, "preview"));
        assertEquals("preview", bypass.detail());
        assertEquals(revalidation, bypass.dropStale(), "a revalidation told so drops the stale entry");
    }

    @Test
    void declaredUncacheableDoesNotHideAFailedRevalidation() {
        CaptureDecision.PassOn pass = assertInstanceOf(
                CaptureDecision.PassOn.class,
                RULES.decide(
                        miss(TARGET).withRevalidation(),
                        false,
                        "GET",
                        500,
                        fields(null),
                        fields(null),
                        VisitorSignals.NONE,
                        "preview"));
        assertEquals("revalidation-failed", pass.detail());
    }
}
