package dev.isr.store;

import dev.isr.core.CacheKey;
import dev.isr.core.ClusterView;
import dev.isr.core.EntryIndex;
import dev.isr.core.IsrConfig;
import dev.isr.core.ResponseCache;
import dev.isr.core.Revalidator;
import dev.isr.core.SweepPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The periodic sweep (contract section 5), every {@code isr.sweep.interval} on every node: it shares the node's
 * recent reads with the cluster, then, for the entries this node is the primary owner of (so that each entry is swept
 * by one node only), refreshes hot ones ahead of expiry, evicts those nobody read for {@code isr.evict-unread-after},
 * and removes those a purge record hides.
 *
 * <p>A non-persistent interval timer: after a restart the schedule starts again. A sweep that takes longer than the
 * interval is not run twice at once: the next tick is skipped.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SweepTimer {

    private static final Logger LOG = System.getLogger(SweepTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    IsrCacheContainer container;

    @Inject
    Revalidator revalidator;

    @Inject
    IsrConfig config;

    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long lastSweepMillis;

    @PostConstruct
    void schedule() {
        long interval = config.sweepInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("isr-sweep", false));
        lastSweepMillis = clock.millis();
    }

    @Timeout
    void tick(Timer timer) {
        if (!running.compareAndSet(false, true)) {
            LOG.log(Level.DEBUG, "sweep still running, tick skipped");
            return;
        }
        try {
            ClusterClocks clocks = container.clocks();
            if (clocks != null) {
                clocks.publish();
            }
            sweep(clock.instant());
        } catch (RuntimeException e) {
            StoreLog.sweepFailed(e);
        } finally {
            running.set(false);
        }
    }

    /** One sweep at {@code now}; returns what it did, for the log and for tests. */
    SweepResult sweep(Instant now) {
        ResponseCache cache = container.responseCache();
        Optional<StoreMaintenance> maintenance = container.maintenance();
        Optional<ReadLedger> ledger = container.reads();
        if (maintenance.isEmpty() || ledger.isEmpty()) {
            return new SweepResult(0, 0, 0);
        }
        StoreMaintenance entries = maintenance.get();
        ReadLedger reads = ledger.get();
        ClusterView cluster = container.clusterView();
        List<EntryIndex.Indexed> indexed = cache.index().all();
        publishReads(indexed, reads);
        SweepPolicy policy = new SweepPolicy(config.sweepInterval(), config.evictUnreadAfter());
        int refreshed = 0;
        int evicted = 0;
        for (EntryIndex.Indexed entry : indexed) {
            if (cluster.isPrimaryOwner(entry.key())) {
                switch (sweep(
                        entry,
                        policy.decide(entry.lastReadMillis(), lastRead(entry, reads), entry.expiresAtMillis(), now),
                        cache,
                        entries)) {
                    case REFRESH -> refreshed++;
                    case EVICT_UNREAD -> evicted++;
                    default -> {
                        // fresh enough, read recently enough
                    }
                }
            }
        }
        int purged = entries.removePurged();
        SweepResult result = new SweepResult(refreshed, evicted, purged);
        if (refreshed + evicted + purged > 0) {
            LOG.log(Level.DEBUG, "sweep: {0}", result);
        }
        return result;
    }

    /** When {@code entry} was last read on any node, in epoch millis; 0 if never. */
    private static long lastRead(EntryIndex.Indexed entry, ReadLedger reads) {
        return Math.max(entry.reads() > 0 ? entry.lastReadMillis() : 0, reads.lastReadMillis(entry.key()));
    }

    /** Applies {@code action} to {@code entry}; returns it if it did something, else {@code KEEP}. */
    private SweepPolicy.Action sweep(
            EntryIndex.Indexed entry, SweepPolicy.Action action, ResponseCache cache, StoreMaintenance entries) {
        switch (action) {
            case EVICT_UNREAD -> {
                return entries.evict(entry.key()) ? action : SweepPolicy.Action.KEEP;
            }
            case REFRESH -> {
                var stored = cache.get(CacheKey.parse(entry.key()));
                stored.ifPresent(revalidator::revalidate);
                return stored.isPresent() ? action : SweepPolicy.Action.KEEP;
            }
            default -> {
                return SweepPolicy.Action.KEEP;
            }
        }
    }

    /** Tells the other nodes which entries this node served since the last sweep: reads on any node keep an entry. */
    private void publishReads(List<EntryIndex.Indexed> indexed, ReadLedger reads) {
        long since = lastSweepMillis;
        lastSweepMillis = clock.millis();
        Map<String, Long> recent = new HashMap<>();
        for (EntryIndex.Indexed entry : indexed) {
            if (entry.lastReadMillis() > since && entry.reads() > 0) {
                recent.put(entry.key(), entry.lastReadMillis());
            }
        }
        reads.publish(recent, config.evictUnreadAfter());
    }

    /** What one sweep did. */
    record SweepResult(int refreshed, int evicted, int purged) {}
}
