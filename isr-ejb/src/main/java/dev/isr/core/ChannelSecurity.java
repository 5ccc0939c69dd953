package dev.isr.core;

import java.util.Objects;

/**
 * How the cluster channel is secured: by a key every member holds, given either as a passphrase or as a secret key in
 * a keystore. Every message between members (discovery, membership, entries, purge records) is then encrypted and
 * authenticated with it, so that a process without the key can neither join, nor read, nor inject anything. Going
 * without a key must be asked for ({@code isr.cluster.insecure=true}) and is accepted only on a loopback address,
 * where the only peers are processes of the same host: for tests and benchmarks.
 *
 * <p>The secret and the keystore password are secrets: {@link #toString()} says whether they are set, never their
 * value, and no message of this class contains them.
 *
 * @param secret a passphrase of at least {@value #MIN_SECRET_LENGTH} characters, or empty ({@code isr.cluster.secret})
 * @param keystorePath a PKCS#12 (or JCEKS) keystore holding an AES secret key, or empty
 *     ({@code isr.cluster.keystore.path})
 * @param keystorePassword the password of the keystore and of its key ({@code isr.cluster.keystore.password})
 * @param keyAlias the alias of the key in the keystore ({@code isr.cluster.keystore.alias})
 * @param insecure no key: the channel is neither encrypted nor authenticated ({@code isr.cluster.insecure})
 */
public record ChannelSecurity(
        String secret, String keystorePath, String keystorePassword, String keyAlias, boolean insecure) {

    /** A passphrase shorter than this is refused: the key derived from it could be guessed offline. */
    public static final int MIN_SECRET_LENGTH = 32;

    public static final String DEFAULT_KEY_ALIAS = "isr-cluster";

    /** No key, not insecure: fine for {@code local} mode, refused by {@link #requireUsableFor} for a cluster. */
    public static final ChannelSecurity NONE = new ChannelSecurity("", "", "", DEFAULT_KEY_ALIAS, false);

    public ChannelSecurity {
        Objects.requireNonNull(secret, ConfigKey.CLUSTER_SECRET.key());
        Objects.requireNonNull(keystorePath, ConfigKey.CLUSTER_KEYSTORE_PATH.key());
        Objects.requireNonNull(keystorePassword, ConfigKey.CLUSTER_KEYSTORE_PASSWORD.key());
        Objects.requireNonNull(keyAlias, ConfigKey.CLUSTER_KEYSTORE_ALIAS.key());
        if (!secret.isEmpty() && secret.length() < MIN_SECRET_LENGTH) {
            // the value is a secret: its length is said, never the value
            throw new IllegalArgumentException(ConfigKey.CLUSTER_SECRET.key() + " must have at least "
                    + MIN_SECRET_LENGTH + " characters, has " + secret.length());
        }
        if (!secret.isEmpty() && !keystorePath.isEmpty()) {
            throw new IllegalArgumentException(
                    ConfigKey.CLUSTER_SECRET.key() + " and isr.cluster.keystore.path are both set: set one");
        }
        if (!keystorePath.isEmpty() && keystorePassword.isEmpty()) {
            throw new IllegalArgumentException(
                    ConfigKey.CLUSTER_KEYSTORE_PATH.key() + " is set: isr.cluster.keystore.password" + " must be too");
        }
        if (!keystorePath.isEmpty() && keyAlias.isBlank()) {
            throw new IllegalArgumentException(ConfigKey.CLUSTER_KEYSTORE_ALIAS.key() + " must not be blank");
        }
        if (insecure && hasKey(secret, keystorePath)) {
            throw new IllegalArgumentException(ConfigKey.CLUSTER_INSECURE.key()
                    + "=true, but a key is set (isr.cluster.secret or" + " isr.cluster.keystore.path): remove one");
        }
    }

    /** A channel secured by a key derived from {@code secret}. */
    public static ChannelSecurity ofSecret(String secret) {
        return new ChannelSecurity(secret, "", "", DEFAULT_KEY_ALIAS, false);
    }

    /** A channel neither encrypted nor authenticated: on loopback only. */
    public static ChannelSecurity insecureOnLoopback() {
        return new ChannelSecurity("", "", "", DEFAULT_KEY_ALIAS, true);
    }

    /** Whether the channel has a key, from a passphrase or a keystore. */
    public boolean hasKey() {
        return hasKey(secret, keystorePath);
    }

    private static boolean hasKey(String secret, String keystorePath) {
        return !secret.isEmpty() || !keystorePath.isEmpty();
    }

    /**
     * Fails unless a cluster listening on {@code bindAddress} may use this: a key, or {@code insecure} on loopback.
     */
    void requireUsableFor(ClusterSettings.Mode mode, String bindAddress) {
        if (mode == ClusterSettings.Mode.LOCAL || hasKey()) {
            return;
        }
        if (!insecure) {
            throw new IllegalArgumentException(
                    ConfigKey.CLUSTER_MODE.key() + "=" + mode.label() + " needs isr.cluster.secret (or"
                            + " isr.cluster.keystore.path): the members encrypt and authenticate the cluster channel with it;"
                            + " isr.cluster.insecure=true goes without, on a loopback address only");
        }
        if (!isLoopback(bindAddress)) {
            throw new IllegalArgumentException(
                    ConfigKey.CLUSTER_INSECURE.key() + "=true is accepted only on a loopback address;"
                            + " isr.cluster.bind-address is '" + bindAddress + "': set isr.cluster.secret instead");
        }
    }

    /** Loopback by its literal form: no name is resolved (a name could resolve elsewhere on another day). */
    static boolean isLoopback(String address) {
        String value = address.trim();
        return value.startsWith("127.") && value.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))
                || value.equals("::1")
                || value.equals("[::1]")
                || value.equals("0:0:0:0:0:0:0:1");
    }

    @Override
    public String toString() {
        // secrets: whether they are set, never what they are
        String key = !secret.isEmpty()
                ? "secret=<set>"
                : !keystorePath.isEmpty()
                        ? "keystore=" + keystorePath + ", alias=" + keyAlias + ", password=<set>"
                        : insecure ? "insecure" : "none";
        return "ChannelSecurity[" + key + "]";
    }
}
