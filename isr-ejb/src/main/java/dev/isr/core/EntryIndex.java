package dev.isr.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which stored keys belong to a path, so that invalidating or purging a path costs in proportion to its entries,
 * never a scan of the cache.
 *
 * <p>Node-local and in memory: the store adapter feeds it from the cache's own events (stored, replaced, removed,
 * expired), so it follows the entries whatever removed them. Thread-safe; updates of one key are serialized.
 */
public final class EntryIndex {

    private final Map<String, String> pathByKey = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> keysByPath = new ConcurrentHashMap<>();

    /** Records that {@code key} is stored for {@code path}, replacing what was recorded for that key. */
    public void add(String key, String path) {
        pathByKey.compute(key, (k, previous) -> {
            if (previous != null && !previous.equals(path)) {
                unlink(previous, k);
            }
            keysByPath.compute(path, (p, keys) -> {
                Set<String> set = keys != null ? keys : ConcurrentHashMap.newKeySet();
                set.add(k);
                return set;
            });
            return path;
        });
    }

    public void remove(String key) {
        pathByKey.computeIfPresent(key, (k, path) -> {
            unlink(path, k);
            return null;
        });
    }

    private void unlink(String path, String key) {
        keysByPath.computeIfPresent(path, (p, keys) -> {
            keys.remove(key);
            return keys.isEmpty() ? null : keys;
        });
    }

    /** The keys stored for {@code path}: a snapshot, safe to iterate while entries change. */
    public List<String> keysForPath(String path) {
        Set<String> keys = keysByPath.get(path);
        return keys == null ? List.of() : List.copyOf(keys);
    }

    /** Every indexed key, for purges that cannot be answered from an index (prefixes, all). */
    public Collection<String> allKeys() {
        return List.copyOf(pathByKey.keySet());
    }

    public int size() {
        return pathByKey.size();
    }
}
