package dev.isr.store;

import dev.isr.core.CacheKey;
import dev.isr.core.CachedResponse;
import dev.isr.core.ResponseCache;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * {@link ResponseCache} over two Infinispan caches: one in memory only, one backed by the soft-index file store for
 * {@code durable} entries. A key lives in at most one of them: storing it in one removes it from the other, so a page
 * that stops being durable cannot come back from disk after a restart.
 *
 * <p>Entries are given an Infinispan lifespan of their {@linkplain dev.isr.core.CachePolicy#retainFor() retention
 * time}, so expired entries disappear without a sweep. Failures of the store are logged with the key and reported
 * as a miss, never thrown: the application must keep answering when its cache does not.
 */
final class InfinispanResponseCache implements ResponseCache {

    private static final Logger LOG = System.getLogger(InfinispanResponseCache.class.getName());

    private final Cache<String, CachedResponse> memory;
    private final Cache<String, CachedResponse> durable;

    InfinispanResponseCache(Cache<String, CachedResponse> memory, Cache<String, CachedResponse> durable) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.durable = Objects.requireNonNull(durable, "durable");
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
    public void put(CachedResponse response) {
        String k = response.key();
        long lifespan = response.policy().retainFor().toMillis();
        try {
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
        String k = key.value();
        try {
            memory.remove(k);
            durable.remove(k);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ISR0103: removing " + k + " failed", e);
        }
    }

    @Override
    public boolean available() {
        return memory.getStatus().allowInvocations() && durable.getStatus().allowInvocations();
    }
}
