package dev.isr.store;

import dev.isr.core.ChannelSecurity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES key of the cluster channel, from {@link ChannelSecurity}: read from a keystore, or derived from the
 * passphrase with PBKDF2 (HMAC-SHA-256), salted with the cluster's name so that two clusters sharing a passphrase by
 * mistake still do not share a key. The derivation is slow on purpose, once per start, so that the key cannot be found
 * by trying passphrases quickly.
 */
final class ClusterKey {

    static final String ALGORITHM = "AES";
    private static final int DERIVATION_ROUNDS = 210_000;
    private static final int KEY_BITS = 256;

    private ClusterKey() {}

    /** The key, or an exception that names what is wrong without the secret. */
    static SecretKey of(ChannelSecurity security, String clusterName) throws GeneralSecurityException, IOException {
        if (!security.secret().isEmpty()) {
            return derived(security.secret(), clusterName);
        }
        if (!security.keystorePath().isEmpty()) {
            return fromKeystore(security);
        }
        throw new IllegalStateException("the cluster channel has no key");
    }

    private static SecretKey derived(String secret, String clusterName) throws GeneralSecurityException {
        byte[] salt = ("dev.isr.cluster/" + clusterName).getBytes(StandardCharsets.UTF_8);
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, DERIVATION_ROUNDS, KEY_BITS);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            return new SecretKeySpec(key, ALGORITHM);
        } finally {
            spec.clearPassword();
        }
    }

    private static SecretKey fromKeystore(ChannelSecurity security) throws GeneralSecurityException, IOException {
        char[] password = security.keystorePassword().toCharArray();
        // the type (PKCS#12, JCEKS, JKS) is read from the file itself
        KeyStore store = KeyStore.getInstance(Path.of(security.keystorePath()).toFile(), password);
        Key key = store.getKey(security.keyAlias(), password);
        if (!(key instanceof SecretKey secretKey) || !ALGORITHM.equalsIgnoreCase(key.getAlgorithm())) {
            throw new GeneralSecurityException("isr.cluster.keystore.path " + security.keystorePath()
                    + " has no AES secret key under the alias '" + security.keyAlias() + "' (keytool -genseckey"
                    + " -keyalg AES -keysize 256 -storetype PKCS12 -alias " + security.keyAlias() + ")");
        }
        return new SecretKeySpec(secretKey.getEncoded(), ALGORITHM);
    }
}
