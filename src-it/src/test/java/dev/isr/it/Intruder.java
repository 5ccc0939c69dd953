package dev.isr.it;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.ObjectMessage;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;

/**
 * A JGroups member that knows where the cluster listens and its name, but not its secret: what anything that reaches
 * the cluster port can run. It counts what it hears from others.
 */
final class Intruder implements AutoCloseable {

    private static final int PORT = 7950;

    private final JChannel channel;
    private final AtomicInteger received = new AtomicInteger();

    private Intruder(JChannel channel) {
        this.channel = channel;
        channel.setReceiver(new Receiver() {
            @Override
            public void receive(Message message) {
                if (!channel.getAddress().equals(message.getSrc())) { // its own multicast comes back to it
                    received.incrementAndGet();
                }
            }
        });
    }

    static Intruder contacting(int... ports) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        TCP tcp = new TCP();
        tcp.setBindAddress(loopback);
        tcp.setBindPort(PORT);
        tcp.setPortRange(0);
        List<InetSocketAddress> hosts = new ArrayList<>();
        for (int port : ports) {
            hosts.add(new InetSocketAddress(loopback, port));
        }
        TCPPING ping = new TCPPING();
        ping.setInitialHosts(hosts);
        ping.setPortRange(0);
        GMS gms = new GMS();
        gms.setJoinTimeout(1_000);
        return new Intruder(
                new JChannel(tcp, ping, new MERGE3(), new NAKACK2(), new UNICAST3(), new STABLE(), gms, new FRAG4()));
    }

    void connect(String clusterName) throws Exception {
        channel.connect(clusterName);
    }

    void sendToAll(String text) throws Exception {
        channel.send(new ObjectMessage(null, text));
    }

    View view() {
        return channel.getView();
    }

    int viewSize() {
        return channel.getView().size();
    }

    int received() {
        return received.get();
    }

    @Override
    public void close() {
        channel.close();
    }
}
