package dev.isr.revalidation;

import dev.isr.core.IsrConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that authenticates {@code Isr-Revalidate} requests: {@code isr.revalidation.token}, or 32 random bytes
 * per node when unset (enough on one node; a cluster that revalidates through a load balancer needs a shared one).
 * Never logged.
 */
@ApplicationScoped
public class RevalidationSecret {

    @Inject
    IsrConfig config;

    private byte[] secret;
    private String value;

    @PostConstruct
    void init() {
        if (config.revalidationToken().isEmpty()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        } else {
            value = config.revalidationToken();
        }
        secret = value.getBytes(StandardCharsets.UTF_8);
    }

    /** The token to send. */
    String value() {
        return value;
    }

    /** Compares in constant time, so the token cannot be guessed byte by byte from response times. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(secret, candidate.getBytes(StandardCharsets.UTF_8));
    }
}
