package dev.isr.store;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name this node goes by in the cluster view, the logs and the health data. */
final class NodeName {

    /** The name of a Payara domain's own server (the DAS): the same in every domain. */
    private static final String PAYARA_DOMAIN_SERVER = "server";

    private NodeName() {}

    /**
     * {@code configured} ({@code isr.cluster.node-name}) unless blank, else the server's own name: WildFly's
     * {@code jboss.node.name}, a Payara instance's name, else the host name. A Payara domain's own server is named
     * {@code server} in every domain, which tells no two servers apart, so it is passed over for the host name.
     */
    static String resolve(String configured) {
        if (!configured.isBlank()) {
            return configured;
        }
        String wildFly = System.getProperty("jboss.node.name");
        if (wildFly != null && !wildFly.isBlank()) {
            return wildFly;
        }
        String payara = System.getProperty("com.sun.aas.instanceName");
        if (payara != null && !payara.isBlank() && !PAYARA_DOMAIN_SERVER.equals(payara)) {
            return payara;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "isr-node";
        }
    }
}
