package dev.isr.store;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachemanagerlistener.annotation.Merged;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;

/**
 * Reconciles the purge records ({@link PurgeRecords#reconcile}) whenever a member joins or partitions merge, on every
 * node, so that a purge made on any side reaches every node however the members came back. Runs on the deployment's
 * executor, not on the thread that delivers the view. It also remembers the size of each view on disk, so that a node
 * that comes back alone after its last view had peers knows it may have missed purges.
 */
@Listener
public class PurgeReconciliation {

    private static final Logger LOG = System.getLogger(PurgeReconciliation.class.getName());

    private static final String LAST_MEMBERS = "last-members";

    /** How long after a merge entries wait for the other side's records at the most: a reconciliation takes ms. */
    static final Duration MERGE_PATIENCE = Duration.ofSeconds(30);

    private final PurgeRecords records;
    private final Executor executor;
    private final String nodeName;
    private final Path location;

    PurgeReconciliation(PurgeRecords records, Executor executor, String nodeName, Path location) {
        this.records = records;
        this.executor = executor;
        this.nodeName = nodeName;
        this.location = location;
    }

    /**
     * How many members the last view of this node's previous run had (persisted at every view change), 0 if unknown:
     * a node whose last view had peers and that starts alone may have missed purges.
     */
    int lastMembers() {
        try {
            return Integer.parseInt(
                    Files.readString(location.resolve(LAST_MEMBERS)).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** Remembers {@code members} for the next start; never throws. */
    void remember(int members) {
        try {
            Path file = location.resolve(LAST_MEMBERS);
            Path next = location.resolve(LAST_MEMBERS + ".next");
            Files.writeString(next, Integer.toString(members));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "remembering the view failed", e);
        }
    }

    /** Once at start, after joining: this node may hold records the members it joined do not. */
    void reconcileNow() {
        executor.execute(this::reconcile);
    }

    /**
     * On the thread that delivers the view, so that a node stops serving what the other side of a partition may have
     * purged before it handles anything sent in the merged view; the rest runs on the executor.
     */
    @ViewChanged
    @Merged
    public void viewChanged(ViewChangedEvent event) {
        int members = event.getNewMembers().size();
        // a member that was cut off may come back in a merge view equal to the view it kept: reconcile all the same
        boolean merged = members > 1 && event.isMergeView();
        boolean joined = merged || members > 1 && !event.getOldMembers().containsAll(event.getNewMembers());
        if (merged) {
            records.unconfirmedAfterMerge(nodeName, MERGE_PATIENCE);
            EntryLog.partitionsMerged(members, MERGE_PATIENCE);
        }
        executor.execute(() -> {
            remember(members);
            if (joined) {
                reconcile();
            }
        });
    }

    private void reconcile() {
        int changed = records.reconcile(nodeName);
        if (changed > 0) {
            EntryLog.purgeRecordsPushed(changed);
        }
    }
}
