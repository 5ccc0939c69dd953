package dev.isr.core;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Strong entity tags for responses the application did not tag itself: a hash of the status and body. */
public final class EntityTags {

    private EntityTags() {}

    /** {@code "<base64url of the first 16 bytes of SHA-256(status, body)>"}: equal bodies, equal tags. */
    public static String strong(int status, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(ByteBuffer.allocate(4).putInt(status).array());
            byte[] hash = digest.digest(body);
            return '"'
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16))
                    + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
