package dev.isr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isr.core.ClusterSettings;
import java.net.InetAddress;
import java.util.List;
import org.jgroups.JChannel;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.TCP;
import org.junit.jupiter.api.Test;

/**
 * The module's cluster channel listens on the configured address only: the transport, and the failure detector's
 * server socket, which listened on every address when left unset.
 */
class ClusterChannelTest {

    @Test
    void everyServerSocketOfTheChannelListensOnTheBindAddress() throws Exception {
        ClusterSettings settings = new ClusterSettings(ClusterSettings.Mode.REPLICATED, 2, "isr", "127.0.0.1", 7990,
                List.of("127.0.0.1[7990]"), 1, "node1");
        try (JChannel channel = ClusterChannel.create(settings)) {
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            assertEquals(loopback, channel.getProtocolStack().<TCP>findProtocol(TCP.class).getBindAddress());
            assertEquals(loopback, channel.getProtocolStack().<FD_SOCK2>findProtocol(FD_SOCK2.class).getBindAddress());
        }
    }
}
