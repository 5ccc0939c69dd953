package dev.isr.core;

/** What this node knows of its cluster. Thread-safe. */
public interface ClusterView {

    /** The members of the cluster this node sees, itself included; 1 in local mode. */
    int members();

    ClusterSettings.Mode mode();

    /** This node's name in the cluster. */
    String nodeName();

    /**
     * Whether this node is the primary owner of {@code key} in the entry caches: the one node that sweeps it. Always
     * true in local mode.
     */
    boolean isPrimaryOwner(String key);
}
