package dev.isr.store;

/**
 * What the periodic sweep ({@link SweepTimer}) does to a running store beyond the {@link dev.isr.core.ResponseCache}
 * contract: the container hands it out only while its caches run ({@link IsrCacheContainer#maintenance()}), so the
 * sweep needs no knowledge of the class behind it.
 */
interface StoreMaintenance {

    /** Removes an entry the sweep found unread for too long; whether it was there. */
    boolean evict(String key);

    /**
     * Removes, among the entries this node is the primary owner of, those a purge record hides (left behind on a node
     * that was down during the purge, or in distributed mode on other owners); returns how many.
     */
    int removePurged();
}
