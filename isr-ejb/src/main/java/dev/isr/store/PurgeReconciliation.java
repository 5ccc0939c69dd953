package dev.isr.store;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachemanagerlistener.annotation.Merged;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;

/**
 * Reconciles the purge records ({@link PurgeRecords#reconcile()}) whenever a member joins or partitions merge, on
 * every node, so that a purge made on any side reaches every node however the members came back. Runs on the
 * deployment's executor, not on the thread that delivers the view.
 */
@Listener(sync = false)
public class PurgeReconciliation {

    private static final Logger LOG = System.getLogger(PurgeReconciliation.class.getName());

    private final PurgeRecords records;
    private final Executor executor;

    PurgeReconciliation(PurgeRecords records, Executor executor) {
        this.records = records;
        this.executor = executor;
    }

    /** Once at start, after joining: this node may hold records the members it joined do not. */
    void reconcileNow() {
        executor.execute(this::reconcile);
    }

    @ViewChanged
    @Merged
    public void viewChanged(ViewChangedEvent event) {
        if (event.getNewMembers().size() > 1 && !event.getOldMembers().containsAll(event.getNewMembers())) {
            executor.execute(this::reconcile);
        }
    }

    private void reconcile() {
        int changed = records.reconcile();
        if (changed > 0) {
            LOG.log(Level.INFO, "ISR0116: {0} purge records brought to the members that lacked them", changed);
        }
    }
}
