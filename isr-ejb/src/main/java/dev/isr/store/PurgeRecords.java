package dev.isr.store;

import dev.isr.core.CachedResponse;
import dev.isr.core.PurgeRecord;
import dev.isr.core.PurgeRequest;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.infinispan.Cache;
import org.infinispan.context.Flag;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryExpired;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryRemoved;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;

/**
 * The purge records ({@link PurgeRecord}) and the purge epoch in a replicated, persistent cache: written synchronously
 * by every purge, so that when a purge returns every member has its records, and checked on every read and store, so
 * that no node serves or stores a purged entry, whether or not the entry itself has been removed there yet (a node
 * that was down during the purge comes back with its old entries on disk; the records, transferred when it joins,
 * hide them).
 *
 * <p>The purge epoch is a counter under the key {@value #EPOCH} (no tag, path or prefix key starts with {@code #}),
 * kept as a {@link PurgeRecord} whose {@code hardEpoch} is the epoch, so that the cache holds one type of value. It is
 * 1 while absent; each purge advances it by a compare-and-set (atomic across the cluster, the cache being REPL_SYNC)
 * before writing its records, which carry the advanced epoch. The counter has no lifespan, and on start it is raised to
 * the highest epoch of any record, so it never goes backwards: not when records expire, not after a restart of the
 * whole cluster, not if the key itself was lost. An epoch going backwards would let entries rendered in a later epoch
 * survive a purge.
 *
 * <p>Prefix records are few and must be matched against every path, so a copy of them is kept in memory, fed by a
 * listener. Records live {@code retention} (entries older than that are evicted unread anyway).
 *
 * <p>Entries without a render epoch are still compared by time ({@link PurgeRecord#verdictFor(long, long, long)}).
 * A record dated ahead of this node's clock was written by a node whose clock runs ahead; its times count as the
 * moment this node learnt of it (when it arrived, or when this node started), so that such a clock cannot hide the
 * entries stored in the meantime until the clocks meet.
 */
@Listener(sync = true, observation = Listener.Observation.POST)
public class PurgeRecords {

    /** The key of the purge epoch counter. */
    static final String EPOCH = "#epoch";

    /** The key prefix of the markers a node writes once it has pushed its records to the members. */
    static final String RECONCILED = "#reconciled:";

    /** The key of a marker each node writes to its own store to learn whether it takes writes again. */
    static final String STORE_CHECK = "#store-check";

    /** The epoch before the first purge. */
    static final long FIRST_EPOCH = 1;

    private static final Logger LOG = System.getLogger(PurgeRecords.class.getName());

    private final Cache<String, PurgeRecord> records;
    /**
     * {@link #records} read without its file store: the store is preloaded at start and the cache never evicts, so
     * memory holds every record, and a read on every hit must not ask the disk for the many keys without one.
     */
    private final Cache<String, PurgeRecord> inMemory;

    private final Duration retention;
    private final StoreWrites writes;
    /** {@link #records} written in memory only, on every member: while this node's store takes no writes. */
    private final Cache<String, PurgeRecord> withoutStore;

    private final Clock clock;
    private final Map<String, PurgeRecord> prefixes = new ConcurrentHashMap<>();
    /** Keys of records dated ahead of this node's clock, and when this node learnt of them. */
    private final Map<String, Long> aheadSince = new ConcurrentHashMap<>();
    /**
     * While this node cannot confirm it holds the cluster's purge records (it came back alone after its last view had
     * peers, or partitions merged): the moment it started or merged, before which entries are served only after a
     * render; 0 once confirmed.
     */
    private volatile long unconfirmedBefore;
    /** When an unconfirmed state ends even without a confirmation: never after a start alone, soon after a merge. */
    private volatile long unconfirmedUntil = Long.MAX_VALUE;

    private volatile String nodeName = "";
    /** Beyond this far ahead, a record's times are not only counted from when learnt but clamped in the cache. */
    private final long maxClockSkewMillis;

    PurgeRecords(Cache<String, PurgeRecord> records, Duration retention, Clock clock, Duration maxClockSkew) {
        this(records, retention, clock, maxClockSkew, new StoreWrites(null, 0));
    }

    /**
     * @param writes where a purge goes when the store cannot take it: to memory on every member, then to the disk
     *     again when the store recovers ({@link #storeAgain}); a purge never fails for a full disk
     */
    PurgeRecords(
            Cache<String, PurgeRecord> records,
            Duration retention,
            Clock clock,
            Duration maxClockSkew,
            StoreWrites writes) {
        this.writes = writes;
        this.withoutStore = records.getAdvancedCache().withFlags(Flag.SKIP_CACHE_STORE);
        this.records = records;
        this.inMemory = records.getAdvancedCache().withFlags(Flag.SKIP_CACHE_LOAD);
        this.retention = retention;
        this.clock = clock;
        this.maxClockSkewMillis = maxClockSkew.toMillis();
    }

    /** Loads the prefix records already there, starts following changes, and lifts the epoch above every record. */
    void start() {
        records.addListener(this);
        long[] highest = {0};
        records.forEach((key, record) -> {
            track(key, record);
            highest[0] = Math.max(highest[0], record.latestEpoch());
        });
        long before = epoch();
        PurgeRecord counter = update(
                EPOCH, current -> epochOf(current) >= highest[0] ? current : counter(highest[0], clock.millis()), -1);
        if (counter != null && counter.hardEpoch() > before) {
            EntryLog.purgeEpochRaised(before, counter.hardEpoch());
        }
    }

    /**
     * The purge epoch as this node sees it (a local read), {@value #FIRST_EPOCH} before any purge, 0 if it cannot be
     * read.
     */
    long epoch() {
        try {
            return epochOf(inMemory.get(EPOCH));
        } catch (RuntimeException e) {
            EntryLog.purgeEpochReadFailed(e);
            return 0;
        }
    }

    /**
     * Advances the epoch, then records {@code request} in it at {@code atMillis} on every member; returns when all of
     * them have it. A render that read the epoch before this call is purged by it, whenever it is stored.
     */
    void record(PurgeRequest request, long atMillis) {
        long epoch = update(EPOCH, current -> counter(epochOf(current) + 1, atMillis), -1)
                .hardEpoch();
        for (String key : PurgeRecord.keysOf(request)) {
            write(key, request.soft(), atMillis, epoch);
        }
    }

    private void write(String key, boolean soft, long atMillis, long epoch) {
        update(
                key,
                current -> (current == null ? PurgeRecord.NONE : current).with(soft, atMillis, epoch),
                retention.toMillis());
    }

    /**
     * Changes the record of {@code key} by compare-and-set, retrying when a concurrent writer wins the race (times and
     * epochs only move forward, so applying the change again to its result is right); a negative lifespan means none.
     * Returns the record now stored, or {@code current} unchanged (possibly null) if {@code change} returned it.
     */
    private PurgeRecord update(String key, UnaryOperator<PurgeRecord> change, long lifespanMillis) {
        while (true) {
            PurgeRecord current = records.get(key);
            PurgeRecord next = change.apply(current);
            if (next == current) {
                return current;
            }
            if (writes.write(
                    "the purge record " + key,
                    () -> compareAndSet(records, key, current, next, lifespanMillis),
                    () -> compareAndSet(withoutStore, key, current, next, lifespanMillis))) {
                return next;
            }
        }
    }

    private static boolean compareAndSet(
            Cache<String, PurgeRecord> cache, String key, PurgeRecord current, PurgeRecord next, long lifespanMillis) {
        return current == null
                ? cache.putIfAbsent(key, next, lifespanMillis, TimeUnit.MILLISECONDS) == null
                : cache.replace(key, current, next, lifespanMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Writes this node's records to its own store again (not to the members): run when the store takes writes again
     * after a fault, during which purges were kept in memory only. Their lifespan starts again, so a record lives at
     * most a fault's length longer than {@code retention}. A marker ({@value #STORE_CHECK}) is written too, so that
     * this is a real write to the store even without records. Returns how many records it wrote; throws if the
     * store still fails.
     */
    int storeAgain() {
        Map<String, PurgeRecord> local = new HashMap<>();
        records.getAdvancedCache()
                .withFlags(Flag.CACHE_MODE_LOCAL, Flag.SKIP_CACHE_LOAD)
                .forEach((key, record) -> local.put(key, record));
        Cache<String, PurgeRecord> here = records.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL);
        here.put(STORE_CHECK, new PurgeRecord(clock.millis(), 0, 0, 0), 1, TimeUnit.MINUTES);
        local.remove(STORE_CHECK);
        local.forEach((key, record) ->
                here.put(key, record, EPOCH.equals(key) ? -1 : retention.toMillis(), TimeUnit.MILLISECONDS));
        return local.size();
    }

    private static long epochOf(PurgeRecord counter) {
        return counter == null ? FIRST_EPOCH : counter.hardEpoch();
    }

    /** The counter at {@code epoch}, with the time it got there for display. */
    private static PurgeRecord counter(long epoch, long atMillis) {
        return new PurgeRecord(atMillis, 0, epoch, 0);
    }

    /** {@code entry} as the purge records (and an unconfirmed start) leave it at {@code now}: null if purged. */
    CachedResponse applyTo(CachedResponse entry, Instant now) {
        CachedResponse left = applying(entry).applyTo(entry, now);
        long fence = unconfirmedBefore;
        boolean unconfirmed = fence > 0
                && now.toEpochMilli() < unconfirmedUntil
                && entry.storedAt().toEpochMilli() < fence;
        return left != null && unconfirmed ? left.unconfirmed() : left;
    }

    /**
     * Serves the entries stored before {@code startMillis} only after a render, until a member confirms the records
     * (its {@link #reconcile} marker arrives).
     */
    void unconfirmedBefore(long startMillis, String node) {
        nodeName = node;
        unconfirmedUntil = Long.MAX_VALUE;
        unconfirmedBefore = startMillis;
    }

    /**
     * Partitions merged: the other side may have purged what this node holds, and its records arrive only with its
     * reconciliation. Entries stored before now are served only after a render until a member's {@link #reconcile}
     * marker arrives, or for {@code patience} at the most: the marker may have overtaken the view that announced the
     * merge, and a merge must not slow this node down for longer than it takes to reconcile.
     */
    void unconfirmedAfterMerge(String node, Duration patience) {
        long now = clock.millis();
        nodeName = node;
        unconfirmedUntil = now + patience.toMillis();
        unconfirmedBefore = now;
    }

    /** Whether this node waits for a member to confirm its purge records. */
    boolean unconfirmed() {
        return unconfirmedBefore > 0 && clock.millis() < unconfirmedUntil;
    }

    /** The purges that apply to {@code entry}, merged; {@link PurgeRecord#NONE} when none does. */
    PurgeRecord applying(CachedResponse entry) {
        try {
            PurgeRecord merged = PurgeRecord.NONE;
            for (String key : PurgeRecord.exactKeysFor(entry)) {
                merged = merged.merge(get(key));
            }
            if (!prefixes.isEmpty()) {
                for (Map.Entry<String, PurgeRecord> prefix : prefixes.entrySet()) {
                    if (entry.key().path().startsWith(prefix.getKey())) {
                        merged = merged.merge(prefix.getValue());
                    }
                }
            }
            return merged;
        } catch (RuntimeException e) {
            EntryLog.purgeRecordsReadFailed(entry.key(), e);
            return PurgeRecord.UNREADABLE;
        }
    }

    private PurgeRecord get(String key) {
        PurgeRecord record = inMemory.get(key);
        return record == null ? PurgeRecord.NONE : learnt(key, record);
    }

    /** {@code record} with times dated ahead of this node counted from when this node learnt of it. */
    private PurgeRecord learnt(String key, PurgeRecord record) {
        Long since = aheadSince.get(key);
        return since == null ? record : record.notAfter(since);
    }

    /**
     * Writes {@code record} back with its times no later than {@code now}, so that a time far in the future (a clock
     * gone wrong on the purging node) is not kept, persisted and replicated, to purge again after every restart.
     * Asynchronous: this runs in a listener, which must not wait for the cluster. A concurrent change wins the race
     * (the compare-and-set fails) and is looked at in turn when it arrives.
     */
    private void clamp(String key, PurgeRecord record, long now) {
        PurgeRecord clamped = record.notAfter(now);
        EntryLog.purgeRecordClamped(key, maxClockSkewMillis);
        records.replaceAsync(key, record, clamped, retention.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    LOG.log(Level.DEBUG, "clamping a purge record failed; it still counts from when learnt", e);
                    return false;
                });
    }

    /**
     * Pushes this node's records to the members, merged field by field with theirs, and returns how many it pushed.
     *
     * <p>Run when members join or partitions merge: state transfer only copies the coordinator's records to a joiner,
     * so records written while the coordinator was away (a purge on a node that was down when the coordinator came
     * back alone) would otherwise never reach it, and it would go on serving what they purged. Each write is a
     * compare-and-set against the primary owner's value ({@code putIfAbsent} answers with it), so nothing goes
     * backwards and concurrent purges are kept.
     */
    int reconcile(String node) {
        int changed = 0;
        Map<String, PurgeRecord> local = new HashMap<>();
        records.getAdvancedCache()
                .withFlags(Flag.CACHE_MODE_LOCAL, Flag.SKIP_CACHE_LOAD)
                .forEach((key, record) -> local.put(key, record));
        for (Map.Entry<String, PurgeRecord> record : local.entrySet()) {
            if (record.getKey().startsWith(RECONCILED) || record.getKey().equals(STORE_CHECK)) {
                continue;
            }
            try {
                if (pushMerged(record.getKey(), record.getValue())) {
                    changed++;
                }
            } catch (RuntimeException e) {
                EntryLog.reconcileFailed(record.getKey(), e);
            }
        }
        // after its records: a member that waits for them knows they have all arrived when this does
        records.put(
                RECONCILED + node,
                new PurgeRecord(clock.millis(), 0, 0, 0),
                retention.toMillis(),
                TimeUnit.MILLISECONDS);
        return changed;
    }

    /**
     * Writes {@code local} merged with the primary owner's value. Always writes, even when the primary's value
     * already covers it: after a split the members may differ, and only a write reaches every one of them.
     */
    private boolean pushMerged(String key, PurgeRecord local) {
        long lifespan = EPOCH.equals(key) ? -1 : retention.toMillis();
        while (true) {
            PurgeRecord current = records.putIfAbsent(key, local, lifespan, TimeUnit.MILLISECONDS);
            if (current == null) {
                return true;
            }
            if (records.replace(key, current, current.merge(local), lifespan, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
    }

    @CacheEntryCreated
    @CacheEntryModified
    public void changed(CacheEntryEvent<String, PurgeRecord> event) {
        track(event.getKey(), event.getValue());
    }

    @CacheEntryRemoved
    @CacheEntryExpired
    public void removed(CacheEntryEvent<String, PurgeRecord> event) {
        aheadSince.remove(event.getKey());
        String prefix = PurgeRecord.prefixOf(event.getKey());
        if (prefix != null) {
            prefixes.remove(prefix);
        }
    }

    private void track(String key, PurgeRecord record) {
        if (record == null || EPOCH.equals(key)) {
            return;
        }
        if (key.equals(STORE_CHECK)) {
            return;
        }
        if (key.startsWith(RECONCILED)) {
            if (unconfirmedBefore > 0 && !key.equals(RECONCILED + nodeName)) {
                unconfirmedBefore = 0; // a member pushed its records to this node: they are the cluster's again
                EntryLog.purgeRecordsConfirmed(key.substring(RECONCILED.length()));
            }
            return;
        }
        long now = clock.millis();
        long ahead = Math.max(record.hardAtMillis(), record.softAtMillis()) - now;
        if (ahead > 0) {
            EntryLog.purgeRecordAhead(key, ahead);
            aheadSince.put(key, now);
            if (ahead > maxClockSkewMillis) {
                clamp(key, record, now);
            }
        } else {
            aheadSince.remove(key);
        }
        String prefix = PurgeRecord.prefixOf(key);
        if (prefix != null) {
            prefixes.merge(prefix, learnt(key, record), PurgeRecord::merge);
        }
    }
}
