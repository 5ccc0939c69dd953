package dev.isr.jaxrs.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.isr.jaxrs.admin.WebhookVerdict.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code Isr-Signature: t=<unix seconds>,v1=<hex>}: form, time, HMAC, replay, in that order. */
class WebhookVerifierTest {

    private static final String SECRET = "test-webhook-secret-0123456789";
    private static final String OLD_SECRET = "old-webhook-secret-0123456789";
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final long T = 1_700_000_000L;
    private static final Instant NOW = Instant.ofEpochSecond(T);
    private static final String BODY = "{\"tags\":[\"cms-42\"]}";
    private static final String SIG = v1(SECRET, T, BODY);

    /** The hex HMAC-SHA256 of {@code "<t>.<body>"}, computed independently of the code under test. */
    static String v1(String secret, long t, String body) {
        return hmac(secret, t + "." + body);
    }

    static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private final RecordingLeases leases = new RecordingLeases(false);
    private final WebhookVerifier verifier = new WebhookVerifier(SECRET, TOLERANCE, leases);

    private WebhookVerdict verify(String header) {
        return verifier.verify(header, BODY.getBytes(StandardCharsets.UTF_8), NOW);
    }

    static Stream<Arguments> deliveries() {
        return Stream.of(
                arguments("valid", "t=" + T + ",v1=" + SIG, Outcome.ACCEPTED),
                arguments("spaces around elements", " t=" + T + " , v1=" + SIG + " ", Outcome.ACCEPTED),
                arguments("upper-case hex", "t=" + T + ",v1=" + SIG.toUpperCase(Locale.ROOT), Outcome.ACCEPTED),
                arguments("v1 before t", "v1=" + SIG + ",t=" + T, Outcome.ACCEPTED),
                arguments("unknown scheme ignored", "t=" + T + ",v0=anything,v1=" + SIG, Outcome.ACCEPTED),
                arguments(
                        "two v1, the second matches",
                        "t=" + T + ",v1=" + v1(OLD_SECRET, T, BODY) + ",v1=" + SIG,
                        Outcome.ACCEPTED),
                arguments(
                        "two v1, the first matches",
                        "t=" + T + ",v1=" + SIG + ",v1=" + v1(OLD_SECRET, T, BODY),
                        Outcome.ACCEPTED),
                arguments("t at the tolerance, past", signed(T - 300), Outcome.ACCEPTED),
                arguments("t at the tolerance, future", signed(T + 300), Outcome.ACCEPTED),
                arguments("t too old", signed(T - 301), Outcome.OUTSIDE_TOLERANCE),
                arguments("t too far in the future", signed(T + 301), Outcome.OUTSIDE_TOLERANCE),
                arguments("t zero", signed(0), Outcome.OUTSIDE_TOLERANCE),
                arguments("wrong secret", "t=" + T + ",v1=" + v1(OLD_SECRET, T, BODY), Outcome.WRONG_SIGNATURE),
                arguments(
                        "tampered body",
                        "t=" + T + ",v1=" + v1(SECRET, T, "{\"tags\":[\"cms-43\"]}"),
                        Outcome.WRONG_SIGNATURE),
                arguments("tampered t", "t=" + (T - 1) + ",v1=" + SIG, Outcome.WRONG_SIGNATURE),
                arguments("HMAC of the body alone", "t=" + T + ",v1=" + hmac(SECRET, BODY), Outcome.WRONG_SIGNATURE),
                arguments(
                        "two v1, neither matches",
                        "t=" + T + ",v1=" + v1(OLD_SECRET, T, BODY) + ",v1=" + hmac(SECRET, BODY),
                        Outcome.WRONG_SIGNATURE),
                arguments("absent", null, Outcome.MISSING),
                arguments("empty", "", Outcome.MISSING),
                arguments("blank", "   ", Outcome.MISSING),
                arguments("old sha256= form", "sha256=" + hmac(SECRET, BODY), Outcome.LEGACY_FORM),
                arguments("old form, upper case", "SHA256=" + hmac(SECRET, BODY), Outcome.LEGACY_FORM),
                arguments("no v1", "t=" + T, Outcome.MALFORMED),
                arguments("no t", "v1=" + SIG, Outcome.MALFORMED),
                arguments("t twice", "t=" + T + ",t=" + T + ",v1=" + SIG, Outcome.MALFORMED),
                arguments("t not a number", "t=soon,v1=" + SIG, Outcome.MALFORMED),
                arguments("t negative", "t=-" + T + ",v1=" + SIG, Outcome.MALFORMED),
                arguments("t with a sign", "t=+" + T + ",v1=" + SIG, Outcome.MALFORMED),
                arguments("t with a fraction", "t=" + T + ".5,v1=" + SIG, Outcome.MALFORMED),
                arguments("t with leading zeros", "t=0" + T + ",v1=" + v1(SECRET, T, BODY), Outcome.MALFORMED),
                arguments("t empty", "t=,v1=" + SIG, Outcome.MALFORMED),
                arguments("t longer than a long", "t=99999999999999999999,v1=" + SIG, Outcome.MALFORMED),
                arguments("v1 not hexadecimal", "t=" + T + ",v1=" + "zz".repeat(32), Outcome.MALFORMED),
                arguments("v1 too short", "t=" + T + ",v1=" + SIG.substring(2), Outcome.MALFORMED),
                arguments("v1 empty", "t=" + T + ",v1=", Outcome.MALFORMED),
                arguments("semicolons", "t=" + T + ";v1=" + SIG, Outcome.MALFORMED),
                arguments("trailing comma", "t=" + T + ",v1=" + SIG + ",", Outcome.MALFORMED),
                arguments("no name", "t=" + T + ",=" + SIG, Outcome.MALFORMED),
                arguments("bare word", "signed", Outcome.MALFORMED),
                arguments(
                        "too many v1",
                        "t=" + T + (",v1=" + SIG).repeat(WebhookSignature.MAX_V1 + 1),
                        Outcome.MALFORMED));
    }

    private static String signed(long t) {
        return "t=" + t + ",v1=" + v1(SECRET, t, BODY);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @MethodSource("deliveries")
    void decides(String name, String header, Outcome expected) {
        WebhookVerdict verdict = verify(header);
        assertEquals(expected, verdict.outcome(), verdict.detail());
        assertFalse(verdict.detail().contains(SECRET), "the secret is never told");
        if (expected == Outcome.ACCEPTED) {
            assertEquals(1, leases.acquisitions.size());
        } else {
            assertFalse(verdict.detail().isEmpty(), "a refusal says why");
            assertEquals(List.of(), leases.acquisitions, "a refused delivery never reaches the replay store");
        }
    }

    @Test
    void theOldFormIsRefusedWithTheNewOne() {
        WebhookVerdict verdict = verify("sha256=" + hmac(SECRET, BODY));
        assertTrue(
                verdict.detail().contains("t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">"), verdict.detail());
    }

    @Test
    void aReplayIsRefused() {
        assertEquals(Outcome.ACCEPTED, verify("t=" + T + ",v1=" + SIG).outcome());
        assertEquals(Outcome.REPLAYED, verify("t=" + T + ",v1=" + SIG).outcome());
    }

    @Test
    void aReplayInAnotherSpellingIsRefused() {
        assertEquals(
                Outcome.ACCEPTED,
                verify("t=" + T + ",v1=" + v1(OLD_SECRET, T, BODY) + ",v1=" + SIG)
                        .outcome());
        assertEquals(
                Outcome.REPLAYED,
                verify("t=" + T + ",v1=" + SIG.toUpperCase(Locale.ROOT)).outcome());
        assertEquals(
                Outcome.REPLAYED, verify(" v1=" + SIG + " , t=" + T + ",v2=new").outcome());
    }

    @Test
    void theSameBodySignedAtAnotherTimeIsNew() {
        assertEquals(Outcome.ACCEPTED, verify(signed(T)).outcome());
        assertEquals(Outcome.ACCEPTED, verify(signed(T - 1)).outcome());
    }

    @Test
    void theReplayKeyIsTheSignatureAndLastsTheWholeWindow() {
        verify(signed(T));
        RecordingLeases.Acquisition acquisition = leases.acquisitions.get(0);
        assertEquals("webhook " + SIG, acquisition.key());
        assertEquals(TOLERANCE.multipliedBy(2).plus(WebhookVerifier.REPLAY_MARGIN), acquisition.lifespan());
    }

    /** Accepted at the earliest possible moment, a signature is too old before its replay lease can have ended. */
    @Test
    void aSignatureIsTooOldBeforeItsReplayLeaseEnds() {
        Instant earliest = NOW.minus(TOLERANCE);
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertEquals(
                Outcome.ACCEPTED, verifier.verify(signed(T), body, earliest).outcome());
        Instant leaseEnds = earliest.plus(verifier.replayWindow());
        WebhookVerifier forgetful = new WebhookVerifier(SECRET, TOLERANCE, new RecordingLeases(false));
        assertEquals(
                Outcome.OUTSIDE_TOLERANCE,
                forgetful.verify(signed(T), body, leaseEnds).outcome());
        assertEquals(
                Outcome.OUTSIDE_TOLERANCE,
                forgetful
                        .verify(signed(T), body, NOW.plus(TOLERANCE).plusNanos(1))
                        .outcome());
    }

    /** Documented consequence of leases that fail open: while their store is down, replays within the window pass. */
    @Test
    void replaysPassWhileTheLeaseStoreFailsOpen() {
        WebhookVerifier open = new WebhookVerifier(SECRET, TOLERANCE, new RecordingLeases(true));
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertEquals(Outcome.ACCEPTED, open.verify(signed(T), body, NOW).outcome());
        assertEquals(Outcome.ACCEPTED, open.verify(signed(T), body, NOW).outcome());
    }

    @Test
    void theBodyIsSignedAsRawBytes() {
        byte[] latin1 = "{\"tags\":[\"caf\u00e9\"]}".getBytes(StandardCharsets.ISO_8859_1);
        String header = "t=" + T + ",v1=" + hmac(SECRET, T + "." + new String(latin1, StandardCharsets.UTF_8));
        assertEquals(
                Outcome.WRONG_SIGNATURE,
                verifier.verify(header, latin1, NOW).outcome(),
                "bytes that are not UTF-8 are not decoded and re-encoded before signing");
    }

    /** The fixed example of docs/admin-api.md, computed there with openssl. */
    @Test
    void theDocumentedExampleVerifies() {
        WebhookVerifier demo = new WebhookVerifier("demo-webhook-secret-change-me", TOLERANCE, leases);
        String header = "t=1700000000,v1=14955935635ccd67adeadddcccdf8b372b009b3b2e535d6debc87b5fd461dde2";
        byte[] body = "{\"tags\":[\"book-1\"]}".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                Outcome.ACCEPTED,
                demo.verify(header, body, Instant.ofEpochSecond(1_700_000_000L)).outcome());
    }

    @Test
    void anEmptySecretOrToleranceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookVerifier("", TOLERANCE, leases));
        assertThrows(IllegalArgumentException.class, () -> new WebhookVerifier(SECRET, Duration.ZERO, leases));
    }
}
