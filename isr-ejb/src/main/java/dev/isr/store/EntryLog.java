package dev.isr.store;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * The messages of the entries, the purge records and the leases ({@code ISR0101}–{@code ISR0124}): one method per
 * message, each with its own id and typed parameters (see {@link StoreLog}). A failure of the caches is logged here
 * and then answered as a miss, an uncached response or a free lease ({@link FailOpen}). Logged under
 * {@code dev.isr.store}.
 */
final class EntryLog {

    private static final Logger LOG = System.getLogger("dev.isr.store");

    private EntryLog() {}

    static void readFailed(String key, RuntimeException e) {
        LOG.log(Level.WARNING, "ISR0101: reading " + key + " from the cache failed; treated as a miss", e);
    }

    static void storeFailed(String key, RuntimeException e) {
        LOG.log(Level.WARNING, "ISR0102: storing " + key + " failed; the response was served uncached", e);
    }

    static void removeFailed(String key, RuntimeException e) {
        LOG.log(Level.WARNING, "ISR0103: removing " + key + " failed", e);
    }

    static void varyRuleReadFailed(String path, RuntimeException e) {
        LOG.log(Level.WARNING, "ISR0104: reading the vary rule of " + path + " failed; using the default", e);
    }

    static void storeBudgetReached(long budget, String firstKey) {
        LOG.log(
                Level.WARNING,
                "ISR0105: the persistent store holds its budget of {0} bytes (isr.store.max-bytes): new durable"
                        + " entries are kept in memory only, starting with {1}",
                budget,
                firstKey);
    }

    static void purgeRecordsReadFailed(Object key, RuntimeException e) {
        LOG.log(
                Level.WARNING,
                "ISR0106: reading purge records for " + key + " failed; the entry is treated as purged",
                e);
    }

    static void leaseTakeFailed(String lease, RuntimeException e) {
        LOG.log(Level.WARNING, "ISR0107: taking the lease of " + lease + " failed; going on as if it were free", e);
    }

    static void storeBudgetRecovered(long budget) {
        LOG.log(
                Level.INFO,
                "ISR0108: the persistent store is back under its budget of {0} bytes: durable entries are stored on"
                        + " disk again",
                budget);
    }

    static void memoryUsageReadFailed(RuntimeException e) {
        LOG.log(Level.WARNING, "ISR0109: reading the memory usage of the entry caches failed", e);
    }

    static void purgeEpochReadFailed(RuntimeException e) {
        LOG.log(Level.WARNING, "ISR0110: reading the purge epoch failed; renders started now are purged by time", e);
    }

    static void purgedWhileRendering(String key, long renderEpoch, long epoch) {
        LOG.log(
                Level.DEBUG,
                "ISR0111: not storing {0}: purged while it rendered (render epoch {1}, now {2})",
                key,
                renderEpoch,
                epoch);
    }

    static void purgeRecordAhead(String record, long aheadMillis) {
        LOG.log(
                Level.WARNING,
                "ISR0112: the purge record {0} is dated {1} ms ahead of this node''s clock; its times count from"
                        + " now. Check the clocks of the nodes (NTP)",
                record,
                aheadMillis);
    }

    static void purgeEpochRaised(long before, long after) {
        LOG.log(
                Level.INFO,
                "ISR0113: purge epoch raised from {0} to {1}, the highest epoch of the purge records",
                before,
                after);
    }

    static void purgeRecordClamped(String record, long maxClockSkewMillis) {
        LOG.log(
                Level.WARNING,
                "ISR0114: the purge record {0} was dated beyond isr.cluster.max-clock-skew ({1} ms) ahead; its"
                        + " times are clamped to this node''s clock",
                record,
                maxClockSkewMillis);
    }

    static void reconcileFailed(String record, RuntimeException e) {
        LOG.log(
                Level.WARNING,
                "ISR0115: reconciling the purge record " + record + " with the members failed; it is tried again at"
                        + " the next view change",
                e);
    }

    static void purgeRecordsPushed(int records) {
        LOG.log(Level.INFO, "ISR0116: {0} purge records pushed to the members, merged with theirs", records);
    }

    static void cameBackAlone(int lastMembers) {
        LOG.log(
                Level.WARNING,
                "ISR0117: this node came back alone, but its last view had {0} members: it may have missed purges."
                        + " Its stored entries are served only after a render until a member confirms the purge"
                        + " records",
                lastMembers);
    }

    static void purgeRecordsConfirmed(String by) {
        LOG.log(Level.INFO, "ISR0118: {0} confirmed the purge records; entries are served as stored again", by);
    }

    static void partitionsMerged(int members, Duration patience) {
        LOG.log(
                Level.INFO,
                "ISR0119: partitions merged ({0} members): entries stored before the merge are served only after a"
                        + " render until a member of the other side confirms the purge records (at most {1})",
                members,
                patience);
    }

    static void leaseReadFailed(String lease, RuntimeException e) {
        LOG.log(Level.WARNING, "ISR0120: reading the lease of " + lease + " failed; taken as free", e);
    }

    static void leaseReleaseFailed(String lease, RuntimeException e) {
        LOG.log(Level.WARNING, "ISR0121: releasing the lease of " + lease + " failed; it expires by itself", e);
    }

    static void leaseHoldFailed(String lease, RuntimeException e) {
        LOG.log(Level.WARNING, "ISR0122: holding the lease of " + lease + " failed", e);
    }

    static void varyRuleStoreFailed(String path, RuntimeException e) {
        LOG.log(Level.WARNING, "ISR0123: storing the vary rule of " + path + " failed", e);
    }

    static void varyRuleRemoveFailed(String path, RuntimeException e) {
        LOG.log(Level.WARNING, "ISR0124: removing the vary rule of " + path + " failed", e);
    }
}
