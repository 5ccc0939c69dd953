package dev.isr.store;

import dev.isr.core.CacheKey;
import dev.isr.core.CachedResponse;
import dev.isr.core.EntryIndex;
import dev.isr.core.ResponseCache;
import dev.isr.core.VaryRule;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * {@link ResponseCache} over Infinispan: entries in one cache in memory only or one backed by the soft-index file store
 * for {@code durable} entries, and the vary rule of each path in a small persistent cache of its own.
 *
 * <p>A key lives in at most one of the two entry caches: storing it in one removes it from the other, so a page that
 * stops being durable cannot come back from disk after a restart. Each put replaces the previous entry of its key in
 * one operation, so readers see the old or the new response, never a mix. Entries get an Infinispan lifespan of their
 * {@linkplain dev.isr.core.CachePolicy#retainFor() retention time}, so expired entries disappear without a sweep.
 *
 * <p>Failures of the store are logged with the key and reported as a miss, never thrown: the application must keep
 * answering when its cache does not.
 */
final class InfinispanResponseCache implements ResponseCache {

    private static final Logger LOG = System.getLogger(InfinispanResponseCache.class.getName());

    private final Cache<String, CachedResponse> memory;
    private final Cache<String, CachedResponse> durable;
    private final Cache<String, VaryRule> varyRules;
    private final EntryIndex memoryIndex;
    private final EntryIndex durableIndex;

    /** The indexes are those of each entry cache, fed by its {@link EntryIndexListener}. */
    InfinispanResponseCache(Cache<String, CachedResponse> memory, Cache<String, CachedResponse> durable,
            Cache<String, VaryRule> varyRules, EntryIndex memoryIndex, EntryIndex durableIndex) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.durable = Objects.requireNonNull(durable, "durable");
        this.varyRules = Objects.requireNonNull(varyRules, "varyRules");
        this.memoryIndex = Objects.requireNonNull(memoryIndex, "memoryIndex");
        this.durableIndex = Objects.requireNonNull(durableIndex, "durableIndex");
    }

    @Override
    public Optional<CachedResponse> get(CacheKey key) {
        String k = key.value();
        try {
            CachedResponse found = memory.get(k);
            if (found == null) {
                found = durable.get(k);
            }
            return Optional.ofNullable(found);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ISR0101: reading " + k + " from the cache failed; treated as a miss", e);
            return Optional.empty();
        }
    }

    @Override
    public VaryRule varyRule(String path) {
        try {
            VaryRule rule = varyRules.get(path);
            return rule == null ? VaryRule.DEFAULT : rule;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ISR0104: reading the vary rule of " + path + " failed; using the default", e);
            return VaryRule.DEFAULT;
        }
    }

    @Override
    public void put(CachedResponse response, VaryRule rule) {
        String k = response.key().value();
        long lifespan = response.policy().retainFor().toMillis();
        try {
            if (rule.isDefault()) {
                varyRules.remove(response.key().path());
            } else {
                varyRules.put(response.key().path(), rule, lifespan, TimeUnit.MILLISECONDS);
            }
            if (response.policy().durable()) {
                durable.put(k, response, lifespan, TimeUnit.MILLISECONDS);
                memory.remove(k);
            } else {
                memory.put(k, response, lifespan, TimeUnit.MILLISECONDS);
                durable.remove(k);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ISR0102: storing " + k + " failed; the response was served uncached", e);
        }
    }

    @Override
    public void remove(CacheKey key) {
        remove(key.value());
    }

    private boolean remove(String k) {
        try {
            boolean removed = memory.remove(k) != null;
            removed |= durable.remove(k) != null;
            return removed;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ISR0103: removing " + k + " failed", e);
            return false;
        }
    }

    @Override
    public int removePath(String path) {
        int removed = 0;
        for (String k : memoryIndex.keysForPath(path)) {
            if (remove(k)) {
                removed++;
            }
        }
        for (String k : durableIndex.keysForPath(path)) {
            if (remove(k)) {
                removed++;
            }
        }
        try {
            varyRules.remove(path);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ISR0103: removing the vary rule of " + path + " failed", e);
        }
        return removed;
    }

    @Override
    public boolean available() {
        return memory.getStatus().allowInvocations() && durable.getStatus().allowInvocations();
    }
}
