package dev.isr.store;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
@Listener(sync = false)
public class PurgeReconciliation {

    private static final Logger LOG = System.getLogger(PurgeReconciliation.class.getName());

    private static final String LAST_MEMBERS = "last-members";

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
            return Integer.parseInt(Files.readString(location.resolve(LAST_MEMBERS)).trim());
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

    @ViewChanged
    @Merged
    public void viewChanged(ViewChangedEvent event) {
        remember(event.getNewMembers().size());
        if (event.getNewMembers().size() > 1 && !event.getOldMembers().containsAll(event.getNewMembers())) {
            executor.execute(this::reconcile);
        }
    }

    private void reconcile() {
        int changed = records.reconcile(nodeName);
        if (changed > 0) {
            LOG.log(Level.INFO, "ISR0116: {0} purge records pushed to the members, merged with theirs", changed);
        }
    }
}
