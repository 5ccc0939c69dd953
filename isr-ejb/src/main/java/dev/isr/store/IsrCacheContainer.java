package dev.isr.store;

import dev.isr.core.CacheStatistics;
import dev.isr.core.CachedResponse;
import dev.isr.core.ClusterSettings;
import dev.isr.core.ClusterView;
import dev.isr.core.DegradationWatch;
import dev.isr.core.EntryIndex;
import dev.isr.core.IsrConfig;
import dev.isr.core.Leases;
import dev.isr.core.ResponseCache;
import dev.isr.core.TrafficHistory;
import dev.isr.core.VaryRule;
import dev.isr.health.IsrHealth;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.infinispan.Cache;
import org.infinispan.context.Flag;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * Owns the module's Infinispan caches, and with them the cluster membership, for the lifetime of the deployment.
 *
 * <p>Infinispan is bundled in the EAR rather than taken from the server, so the same module runs on WildFly and
 * Payara. In {@code replicated} or {@code distributed} mode the node joins the other nodes over its own JGroups
 * channel ({@link ClusterChannel}). On WildFly the caches may live in a container of the server's instead
 * ({@code isr.cache.jndi}, {@link ServerCacheContainer}), clustered by the server's channel. If the caches cannot
 * start (an unwritable store directory, say) the deployment still starts: the cause is logged once and {@link #responseCache()} returns a cache that is always empty,
 * so pages are rendered and served uncached, and readiness reports DOWN.
 *
 * <p>The caches: {@code isr-memory} and {@code isr-durable} hold entries (the latter backed by a soft-index file
 * store), each bounded in memory to half of {@code isr.memory.max-bytes}; {@code isr-vary} and {@code isr-purges} hold
 * vary rules and purge records (with the purge epoch), replicated and persistent; {@code isr-leases} the render and
 * revalidation leases; {@code isr-reads} the last read of entries as the nodes report it, for the sweep.
 *
 * <p>Thread safety: the accessors may be called from any thread; the objects they return are thread-safe and meant
 * to be kept by the caller, so hits do not pay for an EJB invocation.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IsrCacheContainer {

    static final String MEMORY_CACHE = "isr-memory";
    static final String DURABLE_CACHE = "isr-durable";
    static final String VARY_CACHE = "isr-vary";
    static final String PURGES_CACHE = "isr-purges";
    static final String LEASES_CACHE = "isr-leases";
    static final String READS_CACHE = "isr-reads";
    static final String CLOCKS_CACHE = "isr-clocks";
    static final String TRAFFIC_CACHE = "isr-traffic";
    /** The store of {@code isr-durable}, ProtoStream-encoded; {@link LegacyDurableStore} empties the one before. */
    static final String DURABLE_DIRECTORY = "durable-protostream";

    private static final Logger LOG = System.getLogger(IsrCacheContainer.class.getName());

    @Inject
    IsrConfig config;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    @Inject
    IsrHealth health;

    @Inject
    CacheStatistics statistics;

    @Inject
    DegradationWatch degradation;

    private CacheHost host;
    private Path location;
    /** Whether the store takes writes; null until the caches start. */
    private volatile StoreWrites storeWrites;

    private volatile ResponseCache responseCache = UnavailableResponseCache.INSTANCE;
    private volatile Leases leases = UnavailableLeases.INSTANCE;
    private volatile ClusterView clusterView;
    private volatile ReadLedger reads;
    private volatile StoreMaintenance maintenance;
    private volatile ClusterClocks clocks;
    private volatile ClusterTraffic traffic;
    /** Whether this node waits for a member to confirm its purge records (it came back alone). */
    private volatile BooleanSupplier unconfirmed = () -> false;

    @PostConstruct
    void start() {
        startCaches();
        if (health != null) {
            HealthReport report = new HealthReport(config, clock, statistics, degradation);
            health.attach(
                    () -> report.stateOf(responseCache, storeWrites, clusterView, clocks, unconfirmed.getAsBoolean()));
        }
    }

    private void startCaches() {
        ClusterSettings cluster = config.cluster();
        String nodeName = NodeName.resolve(cluster.nodeName());
        location = StoreLocation.resolve(config.storePath());
        clusterView = new StaticClusterView(cluster.mode(), nodeName);
        try {
            host = cluster.serverManaged()
                    ? ServerCacheContainer.lookUp(
                            cluster, location, config.budgets().memory())
                    : OwnCacheManager.start(
                            cluster, nodeName, location, config.budgets().memory());
            location = host.location();
            Cache<String, CachedResponse> memory = host.cache(MEMORY_CACHE);
            Cache<String, CachedResponse> durable = host.cache(DURABLE_CACHE);
            EntryIndex index = new EntryIndex();
            memory.addListener(new EntryIndexListener(index, EntryIndex.Holder.MEMORY, clock));
            EntryIndexListener durableListener =
                    new EntryIndexListener(index, EntryIndex.Holder.PERSISTENT_STORE, clock);
            durable.addListener(durableListener);
            PurgeRecords records = startPurgeRecords(cluster);
            startClusterServices(cluster, nodeName, durable);
            startEntries(memory, durable, index, records);
            if (cluster.clustered()) {
                reconcile(records, nodeName);
            }
            if (host.mayHoldLegacyStore()) {
                migrateLegacyStore(durable);
            }
            rebuildIndex(durable, durableListener, index);
            StoreLog.cacheStarted(
                    cluster.mode().label(), nodeName, clusterView.members(), location, cluster.serverContainer());
        } catch (Exception | LinkageError e) {
            StoreLog.cacheDidNotStart(location, cluster.serverContainer(), e);
            stopQuietly();
        }
    }

    /** The purge records, written through the store's fault watch ({@link StoreWrites}), started. */
    private PurgeRecords startPurgeRecords(ClusterSettings cluster) {
        storeWrites = new StoreWrites(location, config.budgets().storeMinFree());
        PurgeRecords records = new PurgeRecords(
                host.cache(PURGES_CACHE), config.evictUnreadAfter(), clock, cluster.maxClockSkew(), storeWrites);
        storeWrites.onRecovery(() -> records.storeAgain());
        records.start();
        return records;
    }

    /** The view of the cluster, the members' clocks and the leases. */
    private void startClusterServices(ClusterSettings cluster, String nodeName, Cache<String, CachedResponse> durable) {
        EmbeddedCacheManager manager = host.manager();
        clusterView = new InfinispanClusterView(manager, durable, cluster.mode(), nodeName);
        clocks = new ClusterClocks(
                host.cache(CLOCKS_CACHE), nodeName, clock, config.sweepInterval(), cluster.maxClockSkew());
        clocks.start();
        traffic = new ClusterTraffic(host.cache(TRAFFIC_CACHE), TrafficHistory.INTERVAL);
        leases = new InfinispanLeases(host.cache(LEASES_CACHE), nodeName + "@" + manager.getAddress());
    }

    /** The response cache over the entry caches, and what the sweep reaches it by. */
    private void startEntries(
            Cache<String, CachedResponse> memory,
            Cache<String, CachedResponse> durable,
            EntryIndex index,
            PurgeRecords records) {
        Cache<String, VaryRule> varyRules = host.cache(VARY_CACHE);
        InfinispanResponseCache entries = new InfinispanResponseCache(
                memory,
                durable,
                varyRules,
                index,
                records,
                clusterView,
                clock,
                config.budgets().store(),
                config.budgets().memory() / 4,
                storeWrites);
        responseCache = entries;
        maintenance = entries;
        reads = new ReadLedger(host.cache(READS_CACHE));
    }

    /**
     * Pushes this node's purge records to the members whenever members join (state transfer copies them only from the
     * coordinator to a joiner); a node that comes back alone after a view with peers may have missed purges, and
     * serves its stored entries only after a render until a member confirms the records.
     */
    private void reconcile(PurgeRecords records, String nodeName) {
        PurgeReconciliation reconciliation =
                new PurgeReconciliation(records, executor != null ? executor : Runnable::run, nodeName, location);
        int members = clusterView.members();
        if (reconciliation.lastMembers() > 1 && members < 2) {
            records.unconfirmedBefore(clock.millis(), nodeName);
            EntryLog.cameBackAlone(reconciliation.lastMembers());
        }
        reconciliation.remember(members);
        host.listen(reconciliation);
        reconciliation.reconcileNow();
        unconfirmed = records::unconfirmed;
    }

    /**
     * Indexes the entries that survived a restart (or came with the state transfer) in the background, so that a
     * large store does not delay the first hit. Until it is done a purge may miss some of them in the index; the purge
     * records still hide them on every read.
     */
    private void rebuildIndex(Cache<String, CachedResponse> durable, EntryIndexListener listener, EntryIndex index) {
        Executor background = executor != null ? executor : Runnable::run;
        long start = System.nanoTime();
        background.execute(() -> {
            try {
                int unreadable = 0;
                for (String key : List.copyOf(durable.keySet())) {
                    if (!indexStored(durable, listener, key)) {
                        unreadable++;
                    }
                }
                StoreLog.entriesIndexed(
                        index.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), unreadable);
            } catch (RuntimeException e) {
                StoreLog.indexingFailed(e);
            }
        });
    }

    /**
     * Indexes one stored entry, one at a time so that an entry the store cannot read back (a write a full disk cut
     * short leaves a record the soft-index file store misreads) costs that entry, not the index of all the others:
     * it is removed, and rendered again when asked for. Returns whether it was read.
     */
    private static boolean indexStored(Cache<String, CachedResponse> durable, EntryIndexListener listener, String key) {
        try {
            CachedResponse entry = durable.get(key);
            if (entry != null && !entry.key().value().equals(key)) {
                throw new IllegalStateException("the store holds the entry of another key under " + key);
            }
            if (entry != null) {
                listener.add(key, entry);
            }
            return true;
        } catch (RuntimeException e) {
            StoreLog.unreadableEntryRemoved(key, e);
            try {
                durable.getAdvancedCache().withFlags(Flag.SKIP_CACHE_LOAD).remove(key);
            } catch (RuntimeException removal) {
                LOG.log(Level.DEBUG, "removing the unreadable entry " + key + " failed", removal);
            }
            return false;
        }
    }

    private void migrateLegacyStore(Cache<String, CachedResponse> durable) {
        try {
            LegacyDurableStore.migrate(host.manager(), location, durable, clock);
        } catch (IOException | RuntimeException e) {
            StoreLog.legacyEntriesNotMoved(location, e);
        }
    }

    @PreDestroy
    void stop() {
        if (health != null) {
            health.detach();
        }
        responseCache = UnavailableResponseCache.INSTANCE;
        leases = UnavailableLeases.INSTANCE;
        maintenance = null;
        reads = null;
        stopQuietly();
    }

    /** The cache to read and write; an always-empty one if the cache manager did not start. */
    public ResponseCache responseCache() {
        return responseCache;
    }

    /** The cluster-wide leases; leases that are always free if the cache manager did not start. */
    public Leases leases() {
        return leases;
    }

    public ClusterView clusterView() {
        return clusterView;
    }

    /** The last reads that the nodes report, for the sweep; empty while the caches do not run. */
    public Optional<ReadLedger> reads() {
        return Optional.ofNullable(reads);
    }

    /** What the sweep may do to the running store; empty while the caches do not run. */
    public Optional<StoreMaintenance> maintenance() {
        return Optional.ofNullable(maintenance);
    }

    /** The members' clocks compared; null if the cache manager did not start. */
    public ClusterClocks clocks() {
        return clocks;
    }

    /** The members' traffic counters; empty if the cache manager did not start. */
    public Optional<ClusterTraffic> traffic() {
        return Optional.ofNullable(traffic);
    }

    /** Whether the persistent store takes writes; null if the cache manager did not start. */
    StoreWrites storeWrites() {
        return storeWrites;
    }

    /** Where the persistent store lives. */
    public Path storeLocation() {
        return location;
    }

    private void stopQuietly() {
        if (host != null) {
            host.close();
            host = null;
        }
    }
}
