package dev.isr.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Which stored keys belong to a path or carry a tag, how large they are and how often they were read, so that
 * purging a tag or a path costs in proportion to the entries concerned, never a scan of the cache.
 *
 * <p>Node-local and in memory: the store adapter feeds it from the caches' own events (stored, replaced, removed,
 * expired), so it follows the entries whatever changed them. A key may be held by several caches for a moment (when an
 * entry moves between memory and the persistent store): each is a {@link Holder}, and a key leaves the index when no
 * holder has it any more. Thread-safe; updates of one key are serialized.
 */
public final class EntryIndex implements EntryListing {

    /** Where an entry is held: the index counts each separately, for the store budget. */
    public enum Holder {
        /** Memory only: gone when every node that holds it stops. */
        MEMORY,
        /** The persistent store (durable entries): kept across restarts. */
        PERSISTENT_STORE;

        private int bit() {
            return 1 << ordinal();
        }
    }

    /** What the index knows of one key. Read counts are approximate under concurrency, which is all they need. */
    public static final class Indexed {
        private final String key;
        private final String path;
        private final List<String> tags;
        private final int bytes;
        private final long storedAtMillis;
        private final long expiresAtMillis;
        private final LongAdder reads = new LongAdder();
        private final AtomicLong lastReadMillis;
        private volatile int sources;

        Indexed(
                String key,
                String path,
                List<String> tags,
                int bytes,
                long storedAtMillis,
                long expiresAtMillis,
                long nowMillis) {
            this.key = key;
            this.path = path;
            this.tags = List.copyOf(tags);
            this.bytes = bytes;
            this.storedAtMillis = storedAtMillis;
            this.expiresAtMillis = expiresAtMillis;
            this.lastReadMillis = new AtomicLong(nowMillis);
        }

        public long storedAtMillis() {
            return storedAtMillis;
        }

        public long expiresAtMillis() {
            return expiresAtMillis;
        }

        public String key() {
            return key;
        }

        public String path() {
            return path;
        }

        public List<String> tags() {
            return tags;
        }

        public int bytes() {
            return bytes;
        }

        public long reads() {
            return reads.sum();
        }

        /** The bits of the caches that hold the key (see {@link EntryIndex#add}). */
        public boolean heldBy(Holder holder) {
            return (sources & holder.bit()) != 0;
        }

        /** When the key was last read on this node, or indexed if it was not read since (epoch millis). */
        public long lastReadMillis() {
            return lastReadMillis.get();
        }
    }

    private final Map<String, Indexed> byKey = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> keysByPath = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> keysByTag = new ConcurrentHashMap<>();
    private final LongAdder bytes = new LongAdder();
    /** The bytes of the entries each source holds, by source bit: what the store budget reads on every durable put. */
    private final Map<Integer, LongAdder> bytesBySource = new ConcurrentHashMap<>();

    /**
     * Records that {@code holder} has {@code key}, stored for {@code path} with these tags and size, replacing what was
     * recorded for that key (whose read count carries over).
     */
    public void add(String key, String path, List<String> tags, int size, long nowMillis, Holder holder) {
        add(key, path, tags, size, nowMillis, Long.MAX_VALUE, nowMillis, holder.bit());
    }

    /**
     * Records {@code entry}, held by {@code holder}: {@link #add(String, String, List, int, long, Holder)} for an entry,
     * whose size is its {@linkplain CachedResponse#estimatedBytes() estimate} (body and fields).
     */
    public void add(CachedResponse entry, long nowMillis, Holder holder) {
        add(
                entry.key().value(),
                entry.key().path(),
                entry.tags(),
                (int) Math.min(Integer.MAX_VALUE, entry.estimatedBytes()),
                entry.storedAt().toEpochMilli(),
                entry.expiresAt().toEpochMilli(),
                nowMillis,
                holder.bit());
    }

    private void add(
            String key,
            String path,
            List<String> tags,
            int size,
            long storedAtMillis,
            long expiresAtMillis,
            long nowMillis,
            int source) {
        byKey.compute(key, (k, previous) -> {
            Indexed indexed = new Indexed(k, path, tags, size, storedAtMillis, expiresAtMillis, nowMillis);
            indexed.sources = source;
            if (previous != null) {
                unlink(previous);
                // a replacement (a revalidation) is the same page: it keeps its popularity
                indexed.reads.add(previous.reads());
                indexed.lastReadMillis.accumulateAndGet(previous.lastReadMillis(), Math::max);
                indexed.sources |= previous.sources;
                addBySource(previous.sources, -previous.bytes);
            }
            addBySource(indexed.sources, size);
            link(keysByPath, path, k);
            for (String tag : indexed.tags) {
                link(keysByTag, tag, k);
            }
            bytes.add(size);
            return indexed;
        });
    }

    /** Records that {@code holder} no longer has {@code key}; the key leaves the index when no holder does. */
    public void remove(String key, Holder holder) {
        int source = holder.bit();
        byKey.computeIfPresent(key, (k, indexed) -> {
            addBySource(indexed.sources & source, -indexed.bytes);
            indexed.sources &= ~source;
            if (indexed.sources != 0) {
                return indexed;
            }
            unlink(indexed);
            return null;
        });
    }

    /** Counts a read of {@code key} at {@code nowMillis}; unknown keys are ignored. */
    public void read(String key, long nowMillis) {
        Indexed indexed = byKey.get(key);
        if (indexed != null) {
            indexed.reads.increment();
            indexed.lastReadMillis.accumulateAndGet(nowMillis, Math::max);
        }
    }

    private void unlink(Indexed indexed) {
        unlink(keysByPath, indexed.path, indexed.key);
        for (String tag : indexed.tags) {
            unlink(keysByTag, tag, indexed.key);
        }
        bytes.add(-indexed.bytes);
    }

    private void addBySource(int sources, long delta) {
        for (int rest = sources; rest != 0; rest &= rest - 1) {
            bytesBySource
                    .computeIfAbsent(Integer.lowestOneBit(rest), bit -> new LongAdder())
                    .add(delta);
        }
    }

    private static void link(Map<String, Set<String>> map, String name, String key) {
        map.compute(name, (n, keys) -> {
            Set<String> set = keys != null ? keys : ConcurrentHashMap.newKeySet();
            set.add(key);
            return set;
        });
    }

    private static void unlink(Map<String, Set<String>> map, String name, String key) {
        map.computeIfPresent(name, (n, keys) -> {
            keys.remove(key);
            return keys.isEmpty() ? null : keys;
        });
    }

    /** The keys stored for {@code path}: a snapshot, safe to iterate while entries change. */
    public List<String> keysForPath(String path) {
        Set<String> keys = keysByPath.get(path);
        return keys == null ? List.of() : List.copyOf(keys);
    }

    /** The keys carrying {@code tag}: a snapshot. */
    public List<String> keysForTag(String tag) {
        Set<String> keys = keysByTag.get(tag);
        return keys == null ? List.of() : List.copyOf(keys);
    }

    /**
     * The keys a purge selects: by tag and by path through the index (cost proportional to the entries selected),
     * by prefix through the set of indexed paths (proportional to the number of distinct paths), all of them for
     * {@code all}.
     */
    public Set<String> select(PurgeRequest request) {
        if (request.all()) {
            return new LinkedHashSet<>(byKey.keySet());
        }
        Set<String> selected = new LinkedHashSet<>();
        for (String tag : request.tags()) {
            selected.addAll(keysForTag(tag));
        }
        for (String path : request.paths()) {
            selected.addAll(keysForPath(path));
        }
        if (!request.prefixes().isEmpty()) {
            for (Map.Entry<String, Set<String>> path : keysByPath.entrySet()) {
                if (request.prefixes().stream().anyMatch(path.getKey()::startsWith)) {
                    selected.addAll(path.getValue());
                }
            }
        }
        return selected;
    }

    /** What the index knows of {@code key}, or null. */
    @Override
    public @Nullable Indexed get(String key) {
        return byKey.get(key);
    }

    /** Entries with a tag and/or a path prefix (null for any), most read first, at most {@code limit}. */
    @Override
    public List<Indexed> list(@Nullable String tag, @Nullable String prefix, int limit) {
        Collection<String> candidates = tag != null ? keysForTag(tag) : byKey.keySet();
        List<Indexed> result = new ArrayList<>();
        for (String key : candidates) {
            Indexed indexed = byKey.get(key);
            if (indexed != null && (prefix == null || indexed.path.startsWith(prefix))) {
                result.add(indexed);
            }
        }
        result.sort(Comparator.comparingLong(Indexed::reads).reversed().thenComparing(Indexed::key));
        return result.size() > limit ? List.copyOf(result.subList(0, limit)) : result;
    }

    /** Every indexed entry: a snapshot, for the sweep. */
    @Override
    public List<Indexed> all() {
        return List.copyOf(byKey.values());
    }

    @Override
    public int size() {
        return byKey.size();
    }

    /** The sum of the indexed sizes (an entry held by two sources counts once). */
    @Override
    public long bytes() {
        return bytes.sum();
    }

    /**
     * The sum of the sizes of the entries {@code holder} has: cheap (no scan), exact once concurrent updates have
     * returned.
     */
    @Override
    public long bytesHeldBy(Holder holder) {
        LongAdder held = bytesBySource.get(holder.bit());
        return held == null ? 0 : held.sum();
    }
}
