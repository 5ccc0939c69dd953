package dev.isr.jaxrs.admin;

import dev.isr.core.IsrConfig;
import dev.isr.core.Leases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;

/**
 * Who may use the admin API: a bearer token ({@code isr.admin.token}) for the calls, a timestamped HMAC-SHA256
 * signature keyed by {@code isr.webhook.secret} for webhooks, each accepted once ({@link WebhookVerifier}). Both compare
 * in constant time, and with nothing configured nothing is accepted. Neither secret is ever logged. The decisions are
 * pure functions of their inputs; this bean only supplies the configuration, the clock and the cluster-wide leases.
 */
@ApplicationScoped
public class AdminAccess {

    private static final String BEARER = "Bearer ";

    @Inject
    IsrConfig config;

    @Inject
    Clock clock;

    /** Where accepted webhook signatures are remembered, cluster-wide, against replays. */
    @Inject
    Leases leases;

    /**
     * Whether the client at {@code address} (as the server saw it: behind a proxy, the proxy's, unless the server
     * takes the client's from forwarding fields) may use the token-protected calls.
     */
    boolean allowsNetworkOf(String address) {
        return config.adminNetworks().allows(address);
    }

    /**
     * Null if a call from {@code request}'s client may go on, else its refusal: {@code 403} for a client outside
     * {@code isr.admin.allowed-networks} (before the token is even looked at, so that no token can be tried from there),
     * {@code 401} without the token.
     */
    Response refused(HttpServletRequest request, String authorization) {
        Response outside = outsideNetworks(request);
        if (outside != null) {
            return outside;
        }
        String refusal = refusal(authorization);
        return refusal != null ? Problems.unauthorized(refusal) : null;
    }

    /** Null if {@code request}'s client is in {@code isr.admin.allowed-networks}, else the {@code 403}. */
    Response outsideNetworks(HttpServletRequest request) {
        String client = request == null ? null : request.getRemoteAddr();
        return allowsNetworkOf(client)
                ? null
                : Problems.of(
                        Response.Status.FORBIDDEN,
                        "the admin API does not answer this client's network (isr.admin.allowed-networks)");
    }

    /** Null when {@code authorization} carries the admin token, else why not (for the 401). */
    String refusal(String authorization) {
        return tokenRefusal(config.adminToken(), authorization);
    }

    /**
     * Null when {@code signature} (the {@code Isr-Signature} header, null when absent) signs {@code body} now and was
     * not used before, else why not. An accepted signature is remembered, so a second call with it is refused.
     */
    String webhookRefusal(String signature, byte[] body) {
        if (config.webhookSecret().isEmpty()) {
            return "webhooks are refused: isr.webhook.secret is not configured";
        }
        WebhookVerdict verdict = new WebhookVerifier(config.webhookSecret(), config.webhookTolerance(), leases)
                .verify(signature, body, clock.instant());
        if (verdict.accepted()) {
            return null;
        }
        // a replay is a correctly signed request seen twice: worth noticing; the rest is noise anyone can send
        AdminLog.webhookRefused(
                verdict.outcome() == WebhookVerdict.Outcome.REPLAYED, verdict.outcome(), verdict.detail());
        return verdict.detail();
    }

    /** Null when {@code authorization} carries {@code token} as a bearer token, else why not; empty token: closed. */
    static String tokenRefusal(String token, String authorization) {
        if (token.isEmpty()) {
            return "the admin API is closed: isr.admin.token is not configured";
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return "an Authorization: Bearer token is required";
        }
        String presented = authorization.substring(BEARER.length()).trim();
        // hashing both sides first makes the comparison independent of the length of the guess
        return MessageDigest.isEqual(sha256(presented), sha256(token)) ? null : "wrong token";
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
