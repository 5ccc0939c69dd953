package dev.isr.store;

import dev.isr.core.ByteUsage;
import dev.isr.core.CacheKey;
import dev.isr.core.CachedResponse;
import dev.isr.core.ClusterView;
import dev.isr.core.EntryIndex;
import dev.isr.core.EntryListing;
import dev.isr.core.PurgeRecord;
import dev.isr.core.PurgeRequest;
import dev.isr.core.ResponseCache;
import dev.isr.core.VaryRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.infinispan.Cache;
import org.infinispan.context.Flag;

/**
 * {@link ResponseCache} over Infinispan: entries in one cache in memory only or one backed by the soft-index file store
 * for {@code durable} entries, and the vary rule of each path in a small persistent cache of its own.
 *
 * <p>A key lives in at most one of the two entry caches: storing it in one removes it from the other, so a page that
 * stops being durable cannot come back from disk after a restart. Each put replaces the previous entry of its key in
 * one operation, so readers see the old or the new response, never a mix. Entries get an Infinispan lifespan until
 * they are no longer worth keeping ({@link CachedResponse#keepUntil()}), so expired entries disappear without a sweep.
 * The {@link EntryIndex} follows both caches through their listeners, and purges select through it.
 *
 * <p>The persistent store is bounded by bytes ({@code isr.store.max-bytes}): the index counts the durable bytes, and a
 * durable entry that would go past the budget is stored in memory only (where the memory budget bounds it). The check
 * and the put are not one atomic step, so concurrent puts may overshoot the budget by the entries stored at the same
 * moment. The budget is this node's: in replicated mode every node holds what the others store.
 *
 * <p>Failures of the store are logged with the key and reported as a miss, never thrown: the application must keep
 * answering when its cache does not. A store that takes no writes (a full or read-only disk) is not such a failure:
 * writes to the caches with a file store then go to memory only ({@link StoreWrites}), and pages are still cached.
 */
final class InfinispanResponseCache implements ResponseCache, StoreMaintenance {

    private final Cache<String, CachedResponse> memory;
    /** {@link #memory} and {@link #durable} as entries are read from them, and as this node holds them in memory. */
    private final EntryViews memoryViews;

    private final EntryViews durableViews;
    private final EntryViews memoryHere;
    private final EntryViews durableHere;
    /** What hits read of each entry cache, decoded once per stored version. */
    private final DecodedEntries memoryDecoded;

    private final DecodedEntries durableDecoded;
    private final Cache<String, CachedResponse> durable;
    /** {@link #durable} and {@link #varyRules} written in memory only, while the store takes no writes. */
    private final Cache<String, CachedResponse> durableWithoutStore;

    private final Cache<String, VaryRule> varyRulesWithoutStore;
    private final StoreWrites writes;
    private final Cache<String, VaryRule> varyRules;
    /** {@link #varyRules} read without its file store, preloaded at start into a cache that never evicts. */
    private final Cache<String, VaryRule> varyRulesInMemory;

    private final EntryIndex index;
    private final PurgeRecords records;
    private final ClusterView cluster;
    private final Clock clock;
    private final long storeBudget;
    /** Whether the last durable put was refused for the store budget: the crossing is logged once, not every put. */
    private final AtomicBoolean overStoreBudget = new AtomicBoolean();

    /**
     * The index is fed by an {@link EntryIndexListener} on each entry cache.
     *
     * @param clock judges entries without a render epoch against purge times
     * @param storeBudget the most bytes of durable entries ({@code isr.store.max-bytes})
     * @param decodedBytes the most bytes of decoded entries kept for hits ({@link DecodedEntries}), besides the
     *     encoded ones the caches hold
     */
    InfinispanResponseCache(
            Cache<String, CachedResponse> memory,
            Cache<String, CachedResponse> durable,
            Cache<String, VaryRule> varyRules,
            EntryIndex index,
            PurgeRecords records,
            ClusterView cluster,
            Clock clock,
            long storeBudget,
            long decodedBytes,
            StoreWrites writes) {
        if (storeBudget < 0) {
            throw new IllegalArgumentException("storeBudget must be >= 0: " + storeBudget);
        }
        this.storeBudget = storeBudget;
        this.memory = Objects.requireNonNull(memory, "memory");
        this.durable = Objects.requireNonNull(durable, "durable");
        this.memoryViews = EntryViews.of(memory);
        this.durableViews = EntryViews.of(durable);
        this.memoryHere = EntryViews.inMemoryHere(memory);
        this.durableHere = EntryViews.inMemoryHere(durable);
        this.memoryDecoded = new DecodedEntries(decodedBytes / 2);
        this.durableDecoded = new DecodedEntries(decodedBytes / 2);
        this.varyRules = Objects.requireNonNull(varyRules, "varyRules");
        this.varyRulesInMemory = varyRules.getAdvancedCache().withFlags(Flag.SKIP_CACHE_LOAD);
        this.index = Objects.requireNonNull(index, "index");
        this.records = Objects.requireNonNull(records, "records");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.durableWithoutStore = durable.getAdvancedCache().withFlags(Flag.SKIP_CACHE_STORE);
        this.varyRulesWithoutStore = varyRules.getAdvancedCache().withFlags(Flag.SKIP_CACHE_STORE);
    }

    /**
     * The entry as the purge records leave it: absent if purged (and then removed, if this node is its primary
     * owner), soft-purged if marked stale after its render started.
     */
    @Override
    public Optional<CachedResponse> get(CacheKey key) {
        String k = key.value();
        CachedResponse entry = get(k);
        if (entry == null) {
            return Optional.empty();
        }
        CachedResponse left = records.applyTo(entry, clock.instant());
        if (left == null && cluster.isPrimaryOwner(k)) {
            remove(k);
        }
        return Optional.ofNullable(left);
    }

    @Override
    public Optional<CachedResponse> getWithoutBlocking(CacheKey key) {
        String k = key.value();
        try {
            CachedResponse found = memoryDecoded.read(memoryHere, k);
            if (found == null) {
                found = durableDecoded.read(durableHere, k);
            }
            return found == null ? Optional.empty() : Optional.ofNullable(records.applyTo(found, clock.instant()));
        } catch (RuntimeException e) {
            return Optional.empty(); // get() tries again, and logs
        }
    }

    private CachedResponse get(String k) {
        return FailOpen.call(
                () -> {
                    CachedResponse found = memoryDecoded.read(memoryViews, k);
                    return found != null ? found : durableDecoded.read(durableViews, k);
                },
                null,
                e -> EntryLog.readFailed(k, e));
    }

    @Override
    public VaryRule varyRule(String path) {
        VaryRule rule =
                FailOpen.call(() -> varyRulesInMemory.get(path), null, e -> EntryLog.varyRuleReadFailed(path, e));
        return rule == null ? VaryRule.DEFAULT : rule;
    }

    /**
     * Stores the response unless a purge that covers it was issued after its render started: then it would be hidden
     * on every read (soft-purged ones are stored, and read back stale).
     */
    @Override
    public boolean put(CachedResponse response, VaryRule rule) {
        String k = response.key().value();
        if (records.applying(response).verdictFor(response, clock.instant()) == PurgeRecord.PurgeVerdict.HARD) {
            EntryLog.purgedWhileRendering(k, response.renderEpoch(), records.epoch());
            return false;
        }
        // counted from now: an entry that arrived with an age, or that can be validated, is kept as long as useful
        long lifespan = Math.max(1, response.keepUntil().toEpochMilli() - clock.millis());
        return FailOpen.call(() -> store(k, response, rule, lifespan), false, e -> EntryLog.storeFailed(k, e));
    }

    /** Stores {@code response} in the persistent store if it is durable and has room, else in memory. */
    private boolean store(String k, CachedResponse response, VaryRule rule, long lifespan) {
        storeVaryRule(response.key().path(), rule, lifespan);
        if (response.policy().durable()
                && fitsStore(k, response.estimatedBytes())
                && writes.writeIfRoom(
                        "the entry " + k,
                        () -> {
                            durable.put(k, response, lifespan, TimeUnit.MILLISECONDS);
                            return true;
                        },
                        () -> false)) {
            memory.remove(k);
        } else {
            memory.put(k, response, lifespan, TimeUnit.MILLISECONDS);
            removeDurable(k);
        }
        return true;
    }

    /**
     * Whether a durable entry of {@code bytes} under {@code k} keeps the durable bytes within the store budget (the
     * entry it replaces frees its own). Logs once when the store goes over, once when it is back under.
     */
    private boolean fitsStore(String k, long bytes) {
        EntryIndex.Indexed previous = index.get(k);
        long replaced = previous != null && previous.heldBy(EntryIndex.Holder.PERSISTENT_STORE) ? previous.bytes() : 0;
        boolean fits = index.bytesHeldBy(EntryIndex.Holder.PERSISTENT_STORE) - replaced + bytes <= storeBudget;
        if (!fits && overStoreBudget.compareAndSet(false, true)) {
            EntryLog.storeBudgetReached(storeBudget, k);
        } else if (fits && overStoreBudget.compareAndSet(true, false)) {
            EntryLog.storeBudgetRecovered(storeBudget);
        }
        return fits;
    }

    /** Stores the rule (removes it if it is the default), in memory only while the store takes no writes. */
    private void storeVaryRule(String path, VaryRule rule, long lifespanMillis) {
        writes.writeIfRoom(
                "the vary rule of " + path,
                () -> storeVaryRule(varyRules, path, rule, lifespanMillis),
                () -> storeVaryRule(varyRulesWithoutStore, path, rule, lifespanMillis));
    }

    private static VaryRule storeVaryRule(
            Cache<String, VaryRule> rules, String path, VaryRule rule, long lifespanMillis) {
        return rule.isDefault() ? rules.remove(path) : rules.put(path, rule, lifespanMillis, TimeUnit.MILLISECONDS);
    }

    /** Removes the durable entry of {@code k}; from memory only while the store takes no writes. */
    private boolean removeDurable(String k) {
        return writes.write(
                "the removal of " + k, () -> durable.remove(k) != null, () -> durableWithoutStore.remove(k) != null);
    }

    @Override
    public void putVaryRule(String path, VaryRule rule, Duration lifespan) {
        FailOpen.run(() -> storeVaryRule(path, rule, lifespan.toMillis()), e -> EntryLog.varyRuleStoreFailed(path, e));
    }

    @Override
    public long purgeEpoch() {
        return records.epoch();
    }

    @Override
    public void remove(CacheKey key) {
        remove(key.value());
    }

    private boolean remove(String k) {
        // the index says which cache holds the key: a purge then skips the look-up in the persistent store
        EntryIndex.Indexed indexed = index.get(k);
        return FailOpen.call(
                () -> {
                    boolean removed =
                            (indexed == null || indexed.heldBy(EntryIndex.Holder.MEMORY)) && memory.remove(k) != null;
                    if (indexed == null || indexed.heldBy(EntryIndex.Holder.PERSISTENT_STORE)) {
                        removed |= removeDurable(k);
                    }
                    return removed;
                },
                false,
                e -> EntryLog.removeFailed(k, e));
    }

    @Override
    public int removePath(String path) {
        int removed = 0;
        for (String k : index.keysForPath(path)) {
            if (remove(k)) {
                removed++;
            }
        }
        FailOpen.run(() -> storeVaryRule(path, VaryRule.DEFAULT, 0), e -> EntryLog.varyRuleRemoveFailed(path, e));
        return removed;
    }

    /**
     * Records the purge on every member first (so that, once this returns, no node serves what it selects), then
     * removes what this node's index selects. A soft purge only needs the record.
     */
    @Override
    public int purge(PurgeRequest request, Instant now) {
        records.record(request, now.toEpochMilli());
        if (request.soft()) {
            return index.select(request).size();
        }
        if (request.all()) {
            int count = index.size();
            memory.clear();
            writes.write(
                    "the removal of every entry",
                    () -> {
                        durable.clear();
                        varyRules.clear();
                        return null;
                    },
                    () -> {
                        durableWithoutStore.clear();
                        varyRulesWithoutStore.clear();
                        return null;
                    });
            return count;
        }
        int purged = 0;
        for (String k : index.select(request)) {
            if (remove(k)) {
                purged++;
            }
        }
        return purged;
    }

    /**
     * Removes, among the entries this node is primary owner of, those a purge record hides (left behind on a node
     * that was down during the purge, or in distributed mode on other owners); returns how many.
     */
    @Override
    public int removePurged() {
        int removed = 0;
        for (EntryIndex.Indexed indexed : index.all()) {
            String k = indexed.key();
            CachedResponse entry = cluster.isPrimaryOwner(k) ? get(k) : null;
            if (entry != null
                    && records.applying(entry).verdictFor(entry, clock.instant()) == PurgeRecord.PurgeVerdict.HARD
                    && remove(k)) {
                removed++;
            }
        }
        return removed;
    }

    @Override
    public boolean evict(String k) {
        return remove(k);
    }

    @Override
    public List<CachedResponse> select(PurgeRequest request) {
        List<CachedResponse> selected = new ArrayList<>();
        for (String k : index.select(request)) {
            CachedResponse entry = get(k);
            if (entry != null) {
                selected.add(entry);
            }
        }
        selected.sort(
                Comparator.comparingLong((CachedResponse e) -> reads(e.key().value()))
                        .reversed());
        return selected;
    }

    private long reads(String k) {
        EntryIndex.Indexed indexed = index.get(k);
        return indexed == null ? 0 : indexed.reads();
    }

    @Override
    public void recordRead(CacheKey key, Instant now) {
        index.read(key.value(), now.toEpochMilli());
    }

    @Override
    public EntryListing index() {
        return index;
    }

    /** Memory as Infinispan weighs its entries (both caches), store bytes as the index counts them. */
    @Override
    public ByteUsage usage() {
        long inMemory = FailOpen.call(
                () -> memory.getAdvancedCache().getDataContainer().evictionSize()
                        + durable.getAdvancedCache().getDataContainer().evictionSize(),
                0L,
                EntryLog::memoryUsageReadFailed);
        return new ByteUsage(inMemory, index.bytesHeldBy(EntryIndex.Holder.PERSISTENT_STORE));
    }

    @Override
    public boolean available() {
        return memory.getStatus().allowInvocations() && durable.getStatus().allowInvocations();
    }
}
