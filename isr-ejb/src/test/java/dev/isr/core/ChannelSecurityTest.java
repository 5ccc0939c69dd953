package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A clustered node must have a key for its channel, or be told explicitly to go without it on loopback; a secret is
 * never part of a message or of {@code toString}.
 */
class ChannelSecurityTest {

    private static final String SECRET = "s3cr3t-passphrase-with-32-characters!";

    private static ClusterSettings cluster(String mode, String bindAddress, ChannelSecurity security) {
        return new ClusterSettings(
                ClusterSettings.Mode.parse(mode),
                2,
                "isr",
                bindAddress,
                7900,
                List.of("127.0.0.1[7900]"),
                1,
                "",
                security,
                ClusterSettings.DEFAULT_MAX_CLOCK_SKEW,
                "");
    }

    private static ChannelSecurity security(String kind) {
        return switch (kind) {
            case "none" -> ChannelSecurity.NONE;
            case "secret" -> ChannelSecurity.ofSecret(SECRET);
            case "keystore" -> new ChannelSecurity("", "/etc/isr/cluster.p12", "keystore-pass", "isr-cluster", false);
            case "insecure" -> ChannelSecurity.insecureOnLoopback();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /**
     * With {@code isr.cache.jndi} the cluster travels on the server's channel, which the server secures (its jgroups
     * subsystem): the module's key is not asked for there.
     */
    @ParameterizedTest(name = "{0} in the server's container {1}")
    @CsvSource({"replicated, java:jboss/infinispan/container/isr", "distributed, java:jboss/infinispan/container/x"})
    void aServerManagedContainerNeedsNoKeyOfTheModule(String mode, String jndi) {
        ClusterSettings settings = new ClusterSettings(
                ClusterSettings.Mode.parse(mode),
                2,
                "isr",
                "10.0.0.5",
                7900,
                List.of("127.0.0.1[7900]"),
                1,
                "",
                ChannelSecurity.NONE,
                ClusterSettings.DEFAULT_MAX_CLOCK_SKEW,
                " " + jndi + " ");
        assertTrue(settings.serverManaged());
        assertEquals(jndi, settings.serverContainer());
        assertFalse(cluster(mode, "127.0.0.1", security("insecure")).serverManaged());
    }

    @ParameterizedTest(name = "{0} on {1} with {2}: {3}")
    @CsvSource({
        "local,       10.0.0.5,  none,     ok",
        "replicated,  10.0.0.5,  secret,   ok",
        "distributed, 10.0.0.5,  keystore, ok",
        "replicated,  127.0.0.1, insecure, ok",
        "replicated,  127.0.0.2, insecure, ok",
        "replicated,  ::1,       insecure, ok",
        "replicated,  10.0.0.5,  none,     needs isr.cluster.secret",
        "replicated,  127.0.0.1, none,     needs isr.cluster.secret",
        "replicated,  10.0.0.5,  insecure, only on a loopback address",
        "replicated,  localhost, insecure, only on a loopback address",
        "distributed, 0.0.0.0,   insecure, only on a loopback address",
        "replicated,  127.0.0.1.example.com, insecure, only on a loopback address",
    })
    void aClusterHasAKeyOrIsExplicitlyInsecureOnLoopback(String mode, String address, String kind, String outcome) {
        if (outcome.equals("ok")) {
            assertDoesNotThrow(() -> cluster(mode, address, security(kind)));
        } else {
            IllegalArgumentException error =
                    assertThrows(IllegalArgumentException.class, () -> cluster(mode, address, security(kind)));
            assertTrue(error.getMessage().contains(outcome), error.getMessage());
        }
    }

    @ParameterizedTest(name = "{4}")
    @CsvSource({
        "short-secret, '',                  '',       isr-cluster, must have at least 32 characters, has 12",
        "'',           /etc/isr/cluster.p12, '',      isr-cluster, isr.cluster.keystore.password must be too",
        "'',           /etc/isr/cluster.p12, pass,    ' ',         isr.cluster.keystore.alias must not be blank",
        SECRET + ",    /etc/isr/cluster.p12, pass,    isr-cluster, are both set",
    })
    void badKeysAreRefusedWithoutSayingTheSecret(
            String secret, String path, String password, String alias, String message) {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> new ChannelSecurity(secret, path, password, alias, false));
        assertTrue(error.getMessage().contains(message), error.getMessage());
        if (!secret.isEmpty()) {
            assertFalse(error.getMessage().contains(secret), error.getMessage());
        }
        if (!password.isBlank()) {
            assertFalse(error.getMessage().contains(password), error.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource({"secret", "keystore"})
    void insecureWithAKeyIsRefused(String kind) {
        ChannelSecurity keyed = security(kind);
        assertThrows(
                IllegalArgumentException.class,
                () -> new ChannelSecurity(
                        keyed.secret(), keyed.keystorePath(), keyed.keystorePassword(), keyed.keyAlias(), true));
    }

    @ParameterizedTest
    @CsvSource({"secret", "keystore", "insecure", "none"})
    void toStringNeverHoldsASecret(String kind) {
        String text = cluster("local", "127.0.0.1", security(kind)).toString();
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains("keystore-pass"), text);
        assertEquals(
                kind.equals("secret") || kind.equals("keystore"), security(kind).hasKey());
    }
}
