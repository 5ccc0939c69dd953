package dev.isr.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How far this node's clock is from the cluster's, from what the other members last said their clocks read.
 *
 * <p>Each member publishes its wall clock now and then; a node that receives the value subtracts its own clock at that
 * moment, which gives the peer's offset (plus the replication delay, milliseconds on a LAN). This node's offset from
 * the cluster is the median of all offsets, its own (0) included, negated: so one wrong clock among three or more is
 * the one that stands out, and with two members both see half the difference (which of them is wrong cannot be told).
 */
public final class ClockSkew {

    private ClockSkew() {}

    /**
     * This node's clock minus the cluster's, in milliseconds: positive when this node runs ahead. 0 without peers.
     *
     * @param peerOffsets each peer's clock minus this node's, as last measured
     */
    public static long offsetFromCluster(Collection<Long> peerOffsets) {
        if (peerOffsets.isEmpty()) {
            return 0;
        }
        List<Long> offsets = new ArrayList<>(peerOffsets);
        offsets.add(0L);
        offsets.sort(null);
        int size = offsets.size();
        long median = size % 2 == 1
                ? offsets.get(size / 2)
                : Math.floorDiv(offsets.get(size / 2 - 1) + offsets.get(size / 2), 2);
        return -median;
    }

    /** Whether an offset is beyond {@code boundMillis} either way. */
    public static boolean exceeds(long offsetMillis, long boundMillis) {
        return Math.abs(offsetMillis) > boundMillis;
    }
}
