package dev.isr.store;

import dev.isr.core.ClusterSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.infinispan.remoting.transport.jgroups.JGroupsChannelConfigurator;
import org.jgroups.JChannel;
import org.jgroups.conf.ProtocolConfiguration;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.Protocol;
import org.jgroups.util.SocketFactory;

/**
 * The JGroups channel of the ISR cluster, built from configuration rather than an XML file so that every value
 * comes from MicroProfile Config: TCP on a port of its own (not the server's), discovery by TCPPING from a fixed list
 * of members (no multicast, which networks and loopback often drop), failure detection tuned so that a node killed
 * with {@code kill -9} is noticed within seconds (its sockets close: FD_SOCK2) and a hung one within ten (FD_ALL3).
 *
 * <p>Every message is encrypted and authenticated with the cluster's key ({@link ClusterKey}) right above the
 * transport ({@link SealedMessages}: the whole message, headers, sender and destination included, sealed with AES-GCM).
 * A process without the key cannot discover the members, join, read an entry or forge a message: its messages fail
 * authentication and are dropped. Discovery, membership, failure detection and state transfer are covered alike. Only
 * with {@code isr.cluster.insecure=true}, on loopback, is the channel plain.
 */
final class ClusterChannel implements JGroupsChannelConfigurator {

    private final ClusterSettings settings;

    ClusterChannel(ClusterSettings settings) {
        this.settings = settings;
    }

    /** Called by Infinispan's transport, which also closes the channel when the cache manager stops. */
    @Override
    public JChannel createChannel(String name) throws Exception {
        return create(settings);
    }

    @Override
    public String getName() {
        return "isr-tcp";
    }

    @Override
    public String getProtocolStackString() {
        return "TCP(" + settings.bindAddress() + ":" + settings.port() + ")"
                + (settings.security().hasKey() ? ":SEALED(" + SealedMessages.CIPHER + ")" : "")
                + ":TCPPING" + settings.initialHosts()
                + ":MERGE3:FD_SOCK2:FD_ALL3:VERIFY_SUSPECT2:NAKACK2:UNICAST3:STABLE:GMS:UFC:MFC:FRAG4";
    }

    @Override
    public List<ProtocolConfiguration> getProtocolStack() {
        return List.of(); // the channel is built in code, not from protocol configurations
    }

    @Override
    public void setSocketFactory(SocketFactory socketFactory) {
        // the default socket factory is used
    }

    @Override
    public void setDataSource(DataSource dataSource) {
        // no JDBC discovery
    }

    static JChannel create(ClusterSettings settings) throws Exception {
        InetAddress bindAddress = InetAddress.getByName(settings.bindAddress());
        TCP tcp = new TCP();
        tcp.setBindAddress(bindAddress);
        tcp.setBindPort(settings.port());
        tcp.setPortRange(0);
        tcp.tcpNodelay(true); // small synchronous messages (purge records, leases) must not wait for Nagle

        TCPPING ping = new TCPPING();
        ping.setInitialHosts(initialHosts(settings.initialHosts()));
        ping.setPortRange(0);
        GMS gms = new GMS();
        gms.setJoinTimeout(1_000);
        gms.setLeaveTimeout(2_000);
        FD_ALL3 heartbeat = new FD_ALL3();
        heartbeat.setTimeout(10_000);
        heartbeat.setInterval(2_000);
        VERIFY_SUSPECT2 verify = new VERIFY_SUSPECT2();
        verify.setTimeout(1_000);
        // FD_SOCK2's server socket (the transport's port + 100) listens where the transport does: left unset, it
        // listened on every address
        FD_SOCK2 sockets = new FD_SOCK2().setBindAddress(bindAddress);
        List<Protocol> stack = new ArrayList<>();
        stack.add(tcp);
        if (settings.security().hasKey()) {
            stack.add(new SealedMessages(ClusterKey.of(settings.security(), settings.name())));
        }
        stack.addAll(List.of(
                ping,
                new MERGE3(),
                sockets,
                heartbeat,
                verify,
                new NAKACK2(),
                new UNICAST3(),
                new STABLE(),
                gms,
                new UFC(),
                new MFC(),
                new FRAG4()));
        return new JChannel(stack);
    }

    private static List<InetSocketAddress> initialHosts(List<String> hosts) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String host : hosts) {
            String trimmed = host.trim();
            int bracket = trimmed.indexOf('[');
            addresses.add(new InetSocketAddress(
                    trimmed.substring(0, bracket),
                    Integer.parseInt(trimmed.substring(bracket + 1, trimmed.length() - 1))));
        }
        return addresses;
    }
}
