package dev.isr.jaxrs.admin;

import dev.isr.core.Leases;
import dev.isr.jaxrs.admin.WebhookVerdict.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides whether a webhook delivery is authentic and new, Stripe-style: the sender signs {@code "<t>.<body>"} with
 * HMAC-SHA256 under the shared secret and sends {@code Isr-Signature: t=<unix seconds>,v1=<hex>}. A delivery is
 * accepted once, and only while {@code t} is within the tolerance of {@code now}.
 *
 * <p>The checks run cheapest and least trusting first: the header's form, then the time, then the HMAC, and only a
 * correctly signed, timely delivery reaches the replay store, so that nobody without the secret can fill that store.
 * A signature stays acceptable while {@code |now - t| <= tolerance}, a window of twice the tolerance; it is remembered
 * for that window plus {@link #REPLAY_MARGIN} (for clocks that differ between nodes), after which its {@code t} is
 * refused as too old anyway.
 *
 * <p>The replay store is {@link Leases}, which fail open: while the lease store is unavailable (the cache did not start,
 * or a cluster failure), or across a restart of every node (leases are not persisted), a captured delivery can be
 * replayed within its window. At worst that repeats a purge the sender asked for anyway; it never lets anyone purge
 * something no signed delivery named.
 *
 * <p>Thread-safe: immutable, and each call uses its own {@link Mac}.
 */
final class WebhookVerifier {

    static final Duration REPLAY_MARGIN = Duration.ofMinutes(1);
    private static final String ALGORITHM = "HmacSHA256";
    private static final String REPLAY_KEY_PREFIX = "webhook ";

    private final SecretKeySpec key;
    private final Duration tolerance;
    private final Leases replays;

    /** {@code secret} must not be empty: an empty secret means webhooks are refused, which the caller decides. */
    WebhookVerifier(String secret, Duration tolerance, Leases replays) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("the tolerance must be positive: " + tolerance);
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.tolerance = tolerance;
        this.replays = Objects.requireNonNull(replays, "replays");
    }

    /**
     * The verdict on a delivery with the header {@code header} (null when absent) and the raw bytes {@code body},
     * received at {@code now}. Takes the delivery's replay lease only when it is accepted.
     */
    WebhookVerdict verify(String header, byte[] body, Instant now) {
        if (header == null || header.isBlank()) {
            return WebhookVerdict.refused(Outcome.MISSING, "an " + WebhookSignature.FORMAT + " header is required");
        }
        if (WebhookSignature.isLegacy(header)) {
            return WebhookVerdict.refused(
                    Outcome.LEGACY_FORM,
                    "Isr-Signature: sha256=<hex> is no longer accepted "
                            + "(it could be replayed); send " + WebhookSignature.FORMAT + ", t within " + tolerance
                            + " of the server's clock");
        }
        WebhookSignature signature;
        try {
            signature = WebhookSignature.parse(header);
        } catch (IllegalArgumentException e) {
            return WebhookVerdict.refused(
                    Outcome.MALFORMED,
                    "Isr-Signature is malformed (" + e.getMessage() + "); expected " + WebhookSignature.FORMAT);
        }
        Duration skew = Duration.ofSeconds(now.getEpochSecond() - signature.timestamp(), now.getNano());
        if (skew.abs().compareTo(tolerance) > 0) {
            return WebhookVerdict.refused(
                    Outcome.OUTSIDE_TOLERANCE,
                    "t is " + skew.abs().toSeconds() + " s "
                            + (skew.isNegative() ? "ahead of" : "behind") + " the server's clock; at most " + tolerance
                            + " is accepted: sign each delivery when it is sent");
        }
        byte[] expected = hmac(signature.timestamp(), body);
        if (!signature.matches(expected)) {
            return WebhookVerdict.refused(Outcome.WRONG_SIGNATURE, "no v1 signature matches");
        }
        if (!replays.tryAcquire(REPLAY_KEY_PREFIX + HexFormat.of().formatHex(expected), replayWindow())) {
            return WebhookVerdict.refused(
                    Outcome.REPLAYED,
                    "this signature was accepted before: every delivery " + "needs a new t and signature");
        }
        return WebhookVerdict.ACCEPTED;
    }

    /** How long an accepted signature is remembered: as long as any node could still accept its {@code t}. */
    Duration replayWindow() {
        return tolerance.multipliedBy(2).plus(REPLAY_MARGIN);
    }

    /** The HMAC-SHA256 of {@code "<t>.<body>"}, over the body's raw bytes. */
    private byte[] hmac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
