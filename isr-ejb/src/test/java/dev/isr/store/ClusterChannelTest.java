package dev.isr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.core.ChannelSecurity;
import dev.isr.core.ClusterSettings;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.ObjectMessage;
import org.jgroups.Receiver;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.TCP;
import org.jgroups.stack.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module's cluster channel, real channels on loopback: it listens on the configured address only, members with
 * the cluster's key form one view and hear each other, and a process without that key (another key, or none at all)
 * neither joins nor is heard, whichever member it contacts.
 */
class ClusterChannelTest {

    private static final String SECRET = "a-cluster-secret-of-at-least-32-characters";
    private static final String HOSTS = "127.0.0.1[7990],127.0.0.1[7991],127.0.0.1[7992]";

    @TempDir
    Path dir;

    private static ClusterSettings settings(int port, ChannelSecurity security) {
        return new ClusterSettings(
                ClusterSettings.Mode.REPLICATED,
                2,
                "isr",
                "127.0.0.1",
                port,
                List.of(HOSTS.split(",")),
                1,
                "node" + port,
                security,
                ClusterSettings.DEFAULT_MAX_CLOCK_SKEW,
                "");
    }

    private static JChannel connected(ClusterSettings settings) throws Exception {
        JChannel channel = ClusterChannel.create(settings);
        channel.connect(settings.name());
        return channel;
    }

    @Test
    void everyServerSocketOfTheChannelListensOnTheBindAddress() throws Exception {
        try (JChannel channel = ClusterChannel.create(settings(7990, ChannelSecurity.ofSecret(SECRET)))) {
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            assertEquals(
                    loopback,
                    channel.getProtocolStack().<TCP>findProtocol(TCP.class).getBindAddress());
            assertEquals(
                    loopback,
                    channel.getProtocolStack()
                            .<FD_SOCK2>findProtocol(FD_SOCK2.class)
                            .getBindAddress());
        }
    }

    @Test
    void membersWithTheKeyJoinAndNoOneWithoutItDoes() throws Exception {
        try (JChannel one = connected(settings(7990, ChannelSecurity.ofSecret(SECRET)));
                JChannel two = connected(settings(7991, ChannelSecurity.ofSecret(SECRET)))) {
            List<Object> heard = new CopyOnWriteArrayList<>();
            one.setReceiver(new Receiver() {
                @Override
                public void receive(Message message) {
                    heard.add(message.getObject());
                }
            });
            assertEquals(2, one.getView().size(), one.getView().toString());
            assertEquals(one.getView(), two.getView());

            for (ChannelSecurity intruderKey :
                    List.of(ChannelSecurity.ofSecret(SECRET.replace('a', 'b')), ChannelSecurity.insecureOnLoopback())) {
                try (JChannel intruder = connected(settings(7992, intruderKey))) {
                    intruder.send(new ObjectMessage(null, "forged"));
                    intruder.send(new ObjectMessage(one.getAddress(), "forged"));
                    Thread.sleep(500); // time for a message to arrive, were it accepted
                    assertEquals(1, intruder.getView().size(), intruderKey + ": " + intruder.getView());
                    assertEquals(2, one.getView().size(), intruderKey + ": " + one.getView());
                }
            }
            SealedMessages seal = one.getProtocolStack().findProtocol(SealedMessages.class);
            assertTrue(seal.rejected() > 0, "the intruders' messages reached the member and were dropped");
            two.send(new ObjectMessage(null, "from two"));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (heard.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of("from two"), heard, "the member is heard, the intruders are not");
        }
    }

    /** The control: on a plain channel the same intruder joins, so the test above would see one that got in. */
    @Test
    void onAnInsecureChannelAnyoneJoins() throws Exception {
        try (JChannel one = connected(settings(7990, ChannelSecurity.insecureOnLoopback()));
                JChannel intruder = connected(settings(7992, ChannelSecurity.insecureOnLoopback()))) {
            assertEquals(2, one.getView().size(), one.getView().toString());
            assertEquals(one.getView(), intruder.getView());
        }
    }

    @Test
    void theChannelIsSealedRightAboveTheTransportUnlessInsecure() throws Exception {
        try (JChannel channel = ClusterChannel.create(settings(7990, ChannelSecurity.ofSecret(SECRET)))) {
            List<Protocol> stack = channel.getProtocolStack().getProtocols(); // top first
            assertInstanceOf(SealedMessages.class, stack.get(stack.size() - 2), "right above the transport");
        }
        try (JChannel plain = ClusterChannel.create(settings(7990, ChannelSecurity.insecureOnLoopback()))) {
            assertEquals(null, plain.getProtocolStack().findProtocol(SealedMessages.class));
        }
    }

    @Test
    void theDerivedKeyDependsOnTheSecretAndTheClusterName() throws Exception {
        SecretKey key = ClusterKey.of(ChannelSecurity.ofSecret(SECRET), "isr");
        assertEquals(32, key.getEncoded().length);
        assertEquals(key, ClusterKey.of(ChannelSecurity.ofSecret(SECRET), "isr"));
        assertFalse(key.equals(ClusterKey.of(ChannelSecurity.ofSecret(SECRET), "other")));
        assertFalse(key.equals(ClusterKey.of(ChannelSecurity.ofSecret(SECRET + "!"), "isr")));
    }

    @Test
    void theKeyIsReadFromAKeystoreAndAWrongAliasIsNamed() throws Exception {
        SecretKey generated = KeyGenerator.getInstance("AES").generateKey();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "keystore-password".toCharArray();
        store.setEntry(
                "isr-cluster", new KeyStore.SecretKeyEntry(generated), new KeyStore.PasswordProtection(password));
        Path file = dir.resolve("cluster.p12");
        try (var out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        ChannelSecurity fromStore = new ChannelSecurity("", file.toString(), "keystore-password", "isr-cluster", false);
        assertEquals(
                generated.getEncoded().length, ClusterKey.of(fromStore, "isr").getEncoded().length);
        assertTrue(java.util.Arrays.equals(
                generated.getEncoded(), ClusterKey.of(fromStore, "isr").getEncoded()));

        ChannelSecurity wrongAlias = new ChannelSecurity("", file.toString(), "keystore-password", "other", false);
        GeneralSecurityException error =
                assertThrows(GeneralSecurityException.class, () -> ClusterKey.of(wrongAlias, "isr"));
        assertTrue(error.getMessage().contains("'other'"), error.getMessage());
        assertFalse(error.getMessage().contains("keystore-password"), error.getMessage());
        assertInstanceOf(
                Exception.class,
                assertThrows(
                        Exception.class,
                        () -> ClusterKey.of(
                                new ChannelSecurity("", file.toString(), "wrong-password", "isr-cluster", false),
                                "isr")));
    }
}
