package dev.isr.core;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the nodes of a cluster find each other and share entries (contract section 7).
 *
 * @param mode {@code isr.cluster.mode}
 * @param owners copies of each entry in {@link Mode#DISTRIBUTED} mode ({@code isr.cluster.owners})
 * @param name the cluster name; nodes with another name never join ({@code isr.cluster.name})
 * @param bindAddress the address JGroups listens on ({@code isr.cluster.bind-address})
 * @param port the JGroups TCP port, not one of the server's ({@code isr.cluster.port})
 * @param initialHosts the members to contact at start, {@code host[port]} each ({@code isr.cluster.initial-hosts})
 * @param minMembers the members below which readiness is DOWN ({@code isr.cluster.min-members})
 * @param nodeName this node's name, or empty for the server's ({@code isr.cluster.node-name})
 * @param security the key that encrypts and authenticates the channel, required when clustered
 *     ({@code isr.cluster.secret}, {@code isr.cluster.keystore.*}, {@code isr.cluster.insecure})
 * @param maxClockSkew how far this node's clock may be from the cluster's before readiness is DOWN
 *     ({@code isr.cluster.max-clock-skew})
 * @param serverContainer the JNDI name of a cache container the server manages (on WildFly
 *     {@code java:jboss/infinispan/container/<name>}), whose transport carries the cluster instead of the module's own
 *     channel; empty for the module's own cache manager ({@code isr.cache.jndi})
 */
public record ClusterSettings(
        Mode mode,
        int owners,
        String name,
        String bindAddress,
        int port,
        List<String> initialHosts,
        int minMembers,
        String nodeName,
        ChannelSecurity security,
        Duration maxClockSkew,
        String serverContainer) {

    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofSeconds(2);

    /** {@code isr.cluster.mode}. */
    public enum Mode {
        /** One node, no network. */
        LOCAL,
        /** Every node holds every entry: reads are local, writes go to all. */
        REPLICATED,
        /** Each entry on {@code owners} nodes: more capacity, reads may be remote. */
        DISTRIBUTED;

        public static Mode parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        ConfigKey.CLUSTER_MODE.key() + " must be local, replicated or distributed: '" + value + "'", e);
            }
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern HOST_PORT = Pattern.compile("[^\\[\\],\\s]+\\[\\d{1,5}]");

    public ClusterSettings {
        Objects.requireNonNull(mode, ConfigKey.CLUSTER_MODE.key());
        if (owners < 1 || owners > 16) {
            throw new IllegalArgumentException(ConfigKey.CLUSTER_OWNERS.key() + " must be 1..16: " + owners);
        }
        Objects.requireNonNull(name, ConfigKey.CLUSTER_NAME.key());
        if (name.isBlank()) {
            throw new IllegalArgumentException(ConfigKey.CLUSTER_NAME.key() + " must not be blank");
        }
        Objects.requireNonNull(bindAddress, ConfigKey.CLUSTER_BIND_ADDRESS.key());
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(ConfigKey.CLUSTER_PORT.key() + " must be 1..65535: " + port);
        }
        initialHosts = List.copyOf(initialHosts);
        for (String host : initialHosts) {
            if (!HOST_PORT.matcher(host.trim()).matches()) {
                throw new IllegalArgumentException(
                        ConfigKey.CLUSTER_INITIAL_HOSTS.key() + ": each must be host[port]: '" + host + "'");
            }
        }
        if (minMembers < 1) {
            throw new IllegalArgumentException(ConfigKey.CLUSTER_MIN_MEMBERS.key() + " must be >= 1: " + minMembers);
        }
        Objects.requireNonNull(nodeName, ConfigKey.CLUSTER_NODE_NAME.key());
        Objects.requireNonNull(security, ConfigKey.CLUSTER_SECRET.key());
        Objects.requireNonNull(serverContainer, ConfigKey.CACHE_JNDI.key());
        serverContainer = serverContainer.trim();
        if (serverContainer.isEmpty()) {
            // the server's channel is secured in the server's configuration (docs/operations.md), not with this key
            security.requireUsableFor(mode, bindAddress);
        }
        Objects.requireNonNull(maxClockSkew, ConfigKey.CLUSTER_MAX_CLOCK_SKEW.key());
        if (maxClockSkew.isNegative() || maxClockSkew.isZero()) {
            throw new IllegalArgumentException(
                    ConfigKey.CLUSTER_MAX_CLOCK_SKEW.key() + " must be positive: " + maxClockSkew);
        }
    }

    public static ClusterSettings local() {
        return new ClusterSettings(
                Mode.LOCAL,
                2,
                "isr",
                "127.0.0.1",
                7900,
                List.of("127.0.0.1[7900]"),
                1,
                "",
                ChannelSecurity.NONE,
                DEFAULT_MAX_CLOCK_SKEW,
                "");
    }

    /** Whether the caches live in a container the server manages ({@code isr.cache.jndi}) rather than the module's. */
    public boolean serverManaged() {
        return !serverContainer.isEmpty();
    }

    public boolean clustered() {
        return mode != Mode.LOCAL;
    }
}
