package dev.isr.store;

import dev.isr.core.ClusterSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.infinispan.commons.dataconversion.MediaType;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.cache.StorageType;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.configuration.global.ShutdownHookBehavior;
import org.infinispan.configuration.global.UncleanShutdownAction;
import org.infinispan.eviction.EvictionStrategy;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;

/** The Infinispan configuration of the module's cache manager and of its caches ({@link IsrCacheContainer}). */
final class CacheConfigurations {

    private CacheConfigurations() {}

    /** Every cache the module defines, in the order it defines them. */
    static final List<String> NAMES = List.of(
            IsrCacheContainer.MEMORY_CACHE,
            IsrCacheContainer.DURABLE_CACHE,
            IsrCacheContainer.VARY_CACHE,
            IsrCacheContainer.PURGES_CACHE,
            IsrCacheContainer.LEASES_CACHE,
            IsrCacheContainer.READS_CACHE,
            IsrCacheContainer.CLOCKS_CACHE,
            IsrCacheContainer.TRAFFIC_CACHE);

    /**
     * Defines the module's caches (see {@link IsrCacheContainer}) in its own cache manager: entries bounded by bytes,
     * the durable ones and the vary rules and purge records on disk, everything shared replicated but the entries,
     * which follow the mode.
     */
    static void define(EmbeddedCacheManager manager, ClusterSettings cluster, long memoryBytes) {
        define(manager, cluster, memoryBytes, "", UnaryOperator.identity());
    }

    /**
     * Defines the same caches in a container the server manages. Every one of them is stored ProtoStream-encoded, so
     * the server's marshaller, which knows none of the module's types, only ever carries bytes; their stores go to
     * {@code <the container's global state>/<storeDirectory>/}.
     */
    static void defineInServerContainer(
            EmbeddedCacheManager manager, ClusterSettings cluster, long memoryBytes, String storeDirectory) {
        define(manager, cluster, memoryBytes, storeDirectory + "/", CacheConfigurations::encoded);
    }

    private static void define(
            EmbeddedCacheManager manager,
            ClusterSettings cluster,
            long memoryBytes,
            String storePrefix,
            UnaryOperator<ConfigurationBuilder> shared) {
        CacheMode entryMode = entryMode(cluster);
        CacheMode sharedMode = cluster.clustered() ? CacheMode.REPL_SYNC : CacheMode.LOCAL;
        manager.defineConfiguration(
                IsrCacheContainer.MEMORY_CACHE,
                bounded(entryMode, cluster, memoryBytes).build());
        manager.defineConfiguration(
                IsrCacheContainer.DURABLE_CACHE,
                persistent(bounded(entryMode, cluster, memoryBytes), storePrefix + IsrCacheContainer.DURABLE_DIRECTORY)
                        .build());
        manager.defineConfiguration(
                IsrCacheContainer.VARY_CACHE,
                preloaded(persistent(shared.apply(plain(sharedMode, cluster)), storePrefix + "vary"))
                        .build());
        manager.defineConfiguration(
                IsrCacheContainer.PURGES_CACHE,
                preloaded(persistent(shared.apply(plain(sharedMode, cluster)), storePrefix + "purges"))
                        .build());
        manager.defineConfiguration(
                IsrCacheContainer.LEASES_CACHE,
                shared.apply(plain(sharedMode, cluster)).build());
        manager.defineConfiguration(
                IsrCacheContainer.READS_CACHE,
                shared.apply(plain(entryMode, cluster)).build());
        manager.defineConfiguration(
                IsrCacheContainer.CLOCKS_CACHE,
                shared.apply(plain(sharedMode, cluster)).build());
        manager.defineConfiguration(
                IsrCacheContainer.TRAFFIC_CACHE,
                shared.apply(plain(sharedMode, cluster)).build());
    }

    /** Keys and values kept as ProtoStream bytes ({@link IsrSchema}, and ProtoStream's own for strings and numbers). */
    static ConfigurationBuilder encoded(ConfigurationBuilder builder) {
        builder.encoding().mediaType(MediaType.APPLICATION_PROTOSTREAM);
        return builder;
    }

    static GlobalConfigurationBuilder global(ClusterSettings cluster, String nodeName, Path location) {
        GlobalConfigurationBuilder global = cluster.clustered()
                ? GlobalConfigurationBuilder.defaultClusteredBuilder()
                : new GlobalConfigurationBuilder().nonClusteredDefault();
        if (cluster.clustered()) {
            // the transport builds (and closes) the channel through this configurator, not from a stack file
            global.transport()
                    .clusterName(cluster.name())
                    .nodeName(nodeName)
                    .addProperty(JGroupsTransport.CHANNEL_CONFIGURATOR, new ClusterChannel(cluster));
        }
        global.classLoader(IsrCacheContainer.class.getClassLoader());
        global.cacheContainer().name("isr");
        global.jmx().enabled(false);
        global.shutdown().hookBehavior(ShutdownHookBehavior.DONT_REGISTER);
        // a node killed with kill -9 leaves the global state lock behind; its entries are still good
        global.globalState()
                .enable()
                .persistentLocation(location.toString())
                .uncleanShutdownAction(UncleanShutdownAction.IGNORE);
        global.serialization().addContextInitializer(new IsrSchemaImpl());
        return global;
    }

    static CacheMode entryMode(ClusterSettings cluster) {
        return switch (cluster.mode()) {
            case LOCAL -> CacheMode.LOCAL;
            case REPLICATED -> CacheMode.REPL_SYNC;
            case DISTRIBUTED -> CacheMode.DIST_SYNC;
        };
    }

    static ConfigurationBuilder plain(CacheMode mode, ClusterSettings cluster) {
        ConfigurationBuilder builder = new ConfigurationBuilder();
        builder.clustering().cacheMode(mode);
        if (mode.isClustered()) {
            builder.clustering().remoteTimeout(10, TimeUnit.SECONDS);
            if (mode.isDistributed()) {
                builder.clustering().hash().numOwners(cluster.owners());
            }
        }
        builder.expiration().wakeUpInterval(1, TimeUnit.MINUTES);
        return builder;
    }

    /**
     * An entry cache bounded by bytes: half of {@code isr.memory.max-bytes} each. Infinispan bounds memory by size only
     * for entries it stores as bytes (it cannot weigh objects), so entries are kept ProtoStream-encoded on the heap:
     * each read decodes one (a copy of the body). Off-heap storage would need the same decoding and add a copy from
     * native memory, outside the heap the server is sized for.
     */
    static ConfigurationBuilder bounded(CacheMode mode, ClusterSettings cluster, long memoryBytes) {
        ConfigurationBuilder builder = encoded(plain(mode, cluster));
        builder.memory()
                .storage(StorageType.HEAP)
                .maxSize(Long.toString(memoryBytes / 2))
                .whenFull(EvictionStrategy.REMOVE);
        return builder;
    }

    /**
     * Loaded whole into memory at start: for caches without eviction, which hits read with
     * {@code Flag.SKIP_CACHE_LOAD} (vary rules, purge records) so that no hit asks the disk.
     */
    static ConfigurationBuilder preloaded(ConfigurationBuilder builder) {
        builder.persistence().stores().forEach(store -> store.preload(true));
        return builder;
    }

    /** Backed by a soft-index file store in {@code <global state>/<name>/}; entries evicted from memory stay on disk. */
    static ConfigurationBuilder persistent(ConfigurationBuilder builder, String name) {
        builder.persistence()
                .addSoftIndexFileStore()
                .dataLocation(name + "/data")
                .indexLocation(name + "/index")
                .purgeOnStartup(false);
        return builder;
    }
}
