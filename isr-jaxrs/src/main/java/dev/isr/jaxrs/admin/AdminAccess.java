package dev.isr.jaxrs.admin;

import dev.isr.core.IsrConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may use the admin API: a bearer token ({@code isr.admin.token}) for the calls, an HMAC-SHA256 signature keyed
 * by {@code isr.webhook.secret} for webhooks. Both compare in constant time, and with nothing configured nothing is
 * accepted. Neither secret is ever logged.
 */
@ApplicationScoped
public class AdminAccess {

    private static final String BEARER = "Bearer ";
    private static final String SHA256 = "sha256=";

    @Inject
    IsrConfig config;

    /** Null when {@code authorization} carries the admin token, else why not (for the 401). */
    String refusal(String authorization) {
        if (config.adminToken().isEmpty()) {
            return "the admin API is closed: isr.admin.token is not configured";
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return "an Authorization: Bearer token is required";
        }
        String presented = authorization.substring(BEARER.length()).trim();
        // hashing both sides first makes the comparison independent of the length of the guess
        return MessageDigest.isEqual(sha256(presented), sha256(config.adminToken())) ? null : "wrong token";
    }

    /** Null when {@code signature} ({@code sha256=<hex>}) is the HMAC of {@code body}, else why not. */
    String webhookRefusal(String signature, byte[] body) {
        if (config.webhookSecret().isEmpty()) {
            return "webhooks are refused: isr.webhook.secret is not configured";
        }
        if (signature == null || !signature.startsWith(SHA256)) {
            return "an Isr-Signature: sha256=<hex HMAC-SHA256 of the body> header is required";
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signature.substring(SHA256.length()).trim());
        } catch (IllegalArgumentException e) {
            return "Isr-Signature is not hexadecimal";
        }
        return MessageDigest.isEqual(presented, hmac(body)) ? null : "wrong signature";
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.webhookSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
