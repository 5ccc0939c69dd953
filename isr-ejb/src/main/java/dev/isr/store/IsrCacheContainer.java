package dev.isr.store;

import dev.isr.core.CachedResponse;
import dev.isr.core.EntryIndex;
import dev.isr.core.IsrConfig;
import dev.isr.core.ResponseCache;
import dev.isr.core.VaryRule;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.configuration.global.ShutdownHookBehavior;
import org.infinispan.configuration.global.UncleanShutdownAction;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * Owns the embedded Infinispan cache manager for the lifetime of the deployment.
 *
 * <p>Infinispan is bundled in the EAR rather than taken from the server, so the same module runs on WildFly and
 * Payara. If the cache manager cannot start (an unwritable store directory, say) the deployment still starts: the
 * cause is logged once and {@link #responseCache()} returns a cache that is always empty, so pages are rendered and
 * served uncached.
 *
 * <p>Thread safety: {@link #responseCache()} may be called from any thread; the returned cache is thread-safe and
 * meant to be kept by the caller, so hits do not pay for an EJB invocation.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IsrCacheContainer {

    static final String MEMORY_CACHE = "isr-memory";
    static final String DURABLE_CACHE = "isr-durable";
    static final String VARY_CACHE = "isr-vary";

    private static final Logger LOG = System.getLogger(IsrCacheContainer.class.getName());

    @Inject
    IsrConfig config;

    @Inject
    Clock clock;

    private EmbeddedCacheManager manager;
    private volatile ResponseCache responseCache = UnavailableResponseCache.INSTANCE;

    @PostConstruct
    void start() {
        Path location = StoreLocation.resolve(config.storePath());
        try {
            Files.createDirectories(location);
            manager = new DefaultCacheManager(globalConfiguration(location).build(), false);
            manager.defineConfiguration(MEMORY_CACHE, memoryConfiguration().build());
            manager.defineConfiguration(DURABLE_CACHE, persistentConfiguration("durable").build());
            manager.defineConfiguration(VARY_CACHE, persistentConfiguration("vary").build());
            manager.start();
            Cache<String, CachedResponse> memory = manager.getCache(MEMORY_CACHE);
            Cache<String, CachedResponse> durable = manager.getCache(DURABLE_CACHE);
            Cache<String, VaryRule> varyRules = manager.getCache(VARY_CACHE);
            EntryIndex index = new EntryIndex();
            EntryIndexListener durableListener =
                    new EntryIndexListener(index, InfinispanResponseCache.DURABLE, clock);
            memory.addListener(new EntryIndexListener(index, InfinispanResponseCache.MEMORY, clock));
            durable.addListener(durableListener);
            // entries that survived a restart
            durable.forEach(durableListener::add);
            responseCache = new InfinispanResponseCache(memory, durable, varyRules, index);
            LOG.log(Level.INFO, "ISR0010: cache started, store at {0}, {1} durable entries", location, index.size());
        } catch (Exception | LinkageError e) {
            LOG.log(Level.ERROR, "ISR0011: the ISR cache could not start (store at " + location
                    + "); pages are served uncached: " + e, e);
            stopQuietly();
        }
    }

    @PreDestroy
    void stop() {
        responseCache = UnavailableResponseCache.INSTANCE;
        stopQuietly();
    }

    /** The cache to read and write; an always-empty one if the cache manager did not start. */
    public ResponseCache responseCache() {
        return responseCache;
    }

    private void stopQuietly() {
        if (manager == null) {
            return;
        }
        try {
            manager.stop();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ISR0012: stopping the cache manager failed", e);
        } finally {
            manager = null;
        }
    }

    private GlobalConfigurationBuilder globalConfiguration(Path location) {
        GlobalConfigurationBuilder global = GlobalConfigurationBuilder.defaultClusteredBuilder().nonClusteredDefault();
        global.classLoader(IsrCacheContainer.class.getClassLoader());
        global.cacheContainer().name("isr");
        global.jmx().enabled(false);
        global.shutdown().hookBehavior(ShutdownHookBehavior.DONT_REGISTER);
        // a node killed with kill -9 leaves the global state lock behind; its entries are still good
        global.globalState().enable()
                .persistentLocation(location.toString())
                .uncleanShutdownAction(UncleanShutdownAction.IGNORE);
        global.serialization().addContextInitializer(new IsrSchemaImpl());
        return global;
    }

    private static ConfigurationBuilder memoryConfiguration() {
        ConfigurationBuilder builder = new ConfigurationBuilder();
        builder.clustering().cacheMode(CacheMode.LOCAL);
        builder.expiration().wakeUpInterval(1, TimeUnit.MINUTES);
        return builder;
    }

    /** A cache backed by a soft-index file store in {@code <store>/<name>/}. */
    private static ConfigurationBuilder persistentConfiguration(String name) {
        ConfigurationBuilder builder = memoryConfiguration();
        builder.persistence()
                .addSoftIndexFileStore()
                .dataLocation(name + "/data")
                .indexLocation(name + "/index")
                .purgeOnStartup(false);
        return builder;
    }
}
