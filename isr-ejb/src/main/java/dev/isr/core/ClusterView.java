package dev.isr.core;

import java.util.List;

/** What this node knows of its cluster. Thread-safe. */
public interface ClusterView {

    /** The members of the cluster this node sees, itself included; 1 in local mode. */
    int members();

    ClusterSettings.Mode mode();

    /** The members' names as the cluster knows them, sorted: this node's alone unless clustered. */
    default List<String> memberNames() {
        return List.of(nodeName());
    }

    /** This node's name in the cluster. */
    String nodeName();

    /**
     * Whether this node is the primary owner of {@code key} in the entry caches: the one node that sweeps it. Always
     * true in local mode.
     */
    boolean isPrimaryOwner(String key);
}
