package dev.isr.store;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;

/**
 * The messages of the cache's lifecycle, its persistent store and the sweep: one method per message, each with its own
 * id ({@code ISR0010}–{@code ISR0029}, {@code ISR0501}) and typed parameters, in the manner of Infinispan's and
 * SmallRye's {@code Log} interfaces. A message is changed here or nowhere; docs/operations.md lists the ids, and a test
 * checks that no id is used twice. Logged under {@code dev.isr.store}.
 */
final class StoreLog {

    private static final Logger LOG = System.getLogger("dev.isr.store");

    private StoreLog() {}

    static void cacheStarted(String mode, String node, int members, Path store, String serverContainer) {
        LOG.log(
                Level.INFO,
                "ISR0010: cache started: mode {0}, node {1}, {2} members, store at {3}{4}",
                mode,
                node,
                members,
                store,
                serverContainer.isEmpty() ? "" : ", in the server's cache container " + serverContainer);
    }

    static void cacheDidNotStart(Path store, String serverContainer, Throwable e) {
        LOG.log(
                Level.ERROR,
                "ISR0011: the ISR cache could not start (store at " + store
                        + (serverContainer.isEmpty() ? "" : ", container " + serverContainer)
                        + "); pages are served uncached: " + e,
                e);
    }

    static void entriesIndexed(int entries, long millis, int unreadableRemoved) {
        LOG.log(
                Level.INFO,
                "ISR0012: {0} stored entries indexed in {1} ms{2}",
                entries,
                millis,
                unreadableRemoved == 0 ? "" : "; " + unreadableRemoved + " unreadable ones removed (ISR0029)");
    }

    static void indexingFailed(Exception e) {
        LOG.log(Level.WARNING, "ISR0013: indexing the stored entries failed; purges rely on purge records for them", e);
    }

    static void stopFailed(Exception e) {
        LOG.log(Level.WARNING, "ISR0014: stopping the cache manager failed", e);
    }

    static void legacyEntriesMoved(int entries, Path from) {
        LOG.log(
                Level.INFO,
                "ISR0015: {0} durable entries moved from the store format of earlier versions ({1})",
                entries,
                from);
    }

    static void legacyEntriesNotMoved(Path store, Exception e) {
        LOG.log(
                Level.WARNING,
                "ISR0016: the durable entries of an earlier version in " + store
                        + " could not be moved; they are not served, the next start tries again",
                e);
    }

    static void clockSkewed(long offsetMillis, long boundMillis) {
        LOG.log(
                Level.WARNING,
                "ISR0017: this node''s clock is {0} ms off the cluster''s (bound {1} ms): readiness is DOWN."
                        + " Check NTP on the nodes",
                offsetMillis,
                boundMillis);
    }

    static void clockBackWithinBound(long offsetMillis, long boundMillis) {
        LOG.log(
                Level.INFO,
                "ISR0018: this node''s clock is back within {1} ms of the cluster''s ({0} ms)",
                offsetMillis,
                boundMillis);
    }

    static void foreignMessageDropped(Object sender, Exception cause, long droppedSoFar) {
        LOG.log(
                Level.WARNING,
                "ISR0019: dropped a cluster message from {0} that does not open under the cluster key ({1}); {2}"
                        + " dropped so far. A process without isr.cluster.secret is reaching the cluster port",
                sender,
                cause.getClass().getSimpleName(),
                droppedSoFar);
    }

    static void leavingServerContainerFailed(String step, Exception e) {
        LOG.log(Level.WARNING, "ISR0023: leaving the server's cache container: " + step + " failed", e);
    }

    /**
     * The store takes no writes ({@code writesFailed}: a write failed; else it is short of room): one line when the
     * fault opens, the failure itself at {@code DEBUG}.
     */
    static void storeFault(Path store, String reason, boolean writesFailed, String writing, Throwable failure) {
        if (writesFailed) {
            LOG.log(
                    Level.WARNING,
                    "ISR0024: writes to the persistent store at {0} fail ({1}, writing {2}): durable entries, vary"
                            + " rules and purge records are kept in memory only until they succeed; readiness is DOWN",
                    store,
                    reason,
                    writing);
        } else {
            LOG.log(
                    Level.WARNING,
                    "ISR0024: the persistent store at {0} has {1}: new durable entries and vary rules are kept in"
                            + " memory only until it has room; readiness is DOWN",
                    store,
                    reason);
        }
        if (failure != null) {
            LOG.log(Level.DEBUG, "the cause of the store fault", failure);
        }
    }

    static void storeWritesAgain(Path store, String succeeded, String fault) {
        LOG.log(
                Level.INFO,
                "ISR0025: the persistent store at {0} takes writes again ({1} succeeded; the fault was: {2}):"
                        + " durable entries are stored on disk again",
                store,
                succeeded,
                fault);
    }

    static void storingAgainFailed(RuntimeException e) {
        LOG.log(Level.WARNING, "ISR0026: storing again what was kept in memory only failed", e);
    }

    static void memberRefusedWrite(String writing, String cause) {
        LOG.log(
                Level.WARNING,
                "ISR0027: a member''s persistent store refused a write of {0} ({1}): written in memory only on every"
                        + " member; that member''s readiness says why",
                writing,
                cause);
    }

    static void unreadableEntryRemoved(String key, Exception e) {
        LOG.log(Level.WARNING, "ISR0029: the stored entry " + key + " cannot be read back; removed: " + e);
    }

    static void sweepFailed(RuntimeException e) {
        LOG.log(Level.WARNING, "ISR0501: the sweep failed; it runs again at the next interval", e);
    }
}
