package dev.isr.config;

import dev.isr.core.ByteBudgets;
import dev.isr.core.ByteSizes;
import dev.isr.core.ChannelSecurity;
import dev.isr.core.ClientNetworks;
import dev.isr.core.ClusterSettings;
import dev.isr.core.Durations;
import dev.isr.core.IsrConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the {@code isr.*} keys of MicroProfile Config once into an immutable {@link IsrConfig}.
 *
 * <p>A value that does not convert, or that {@link IsrConfig} rejects, fails the injection and so the deployment,
 * with a message naming the key and the value.
 */
@ApplicationScoped
public class IsrConfigProducer {

    public static final String CACHE_NAME = "isr.cache-status.name";
    public static final String MAX_BODY_BYTES = "isr.max-body-bytes";
    public static final String STORABLE_STATUSES = "isr.storable-statuses";
    public static final String IGNORED_QUERY_PARAMS = "isr.key.ignored-query-params";
    public static final String STORE_PATH = "isr.store.path";
    public static final String STRICT_S_MAXAGE = "isr.strict-s-maxage";
    public static final String ORIGIN = "isr.origin";
    public static final String REVALIDATION_TOKEN = "isr.revalidation.token";
    public static final String REVALIDATION_TIMEOUT = "isr.revalidation.timeout";
    public static final String RETRY_AFTER = "isr.revalidation.retry-after";
    public static final String COLLAPSE_TIMEOUT = "isr.collapse.timeout";
    public static final String REVALIDATION_MAX_CONCURRENCY = "isr.revalidation.max-concurrency";
    public static final String ADMIN_TOKEN = "isr.admin.token";
    public static final String ADMIN_ALLOWED_NETWORKS = "isr.admin.allowed-networks";
    public static final String DEGRADED_WINDOW = "isr.health.degraded-window";
    public static final String DEGRADED_SHARE = "isr.health.degraded-share";
    public static final String WEBHOOK_SECRET = "isr.webhook.secret";
    public static final String CLUSTER_MODE = "isr.cluster.mode";
    public static final String CLUSTER_OWNERS = "isr.cluster.owners";
    public static final String CLUSTER_NAME = "isr.cluster.name";
    public static final String CLUSTER_BIND_ADDRESS = "isr.cluster.bind-address";
    public static final String CLUSTER_PORT = "isr.cluster.port";
    public static final String CLUSTER_INITIAL_HOSTS = "isr.cluster.initial-hosts";
    public static final String CLUSTER_MIN_MEMBERS = "isr.cluster.min-members";
    public static final String CLUSTER_NODE_NAME = "isr.cluster.node-name";
    public static final String CLUSTER_SECRET = "isr.cluster.secret";
    public static final String CLUSTER_KEYSTORE_PATH = "isr.cluster.keystore.path";
    public static final String CLUSTER_KEYSTORE_PASSWORD = "isr.cluster.keystore.password";
    public static final String CLUSTER_KEYSTORE_ALIAS = "isr.cluster.keystore.alias";
    public static final String CLUSTER_INSECURE = "isr.cluster.insecure";
    public static final String CLUSTER_MAX_CLOCK_SKEW = "isr.cluster.max-clock-skew";
    public static final String CACHE_JNDI = "isr.cache.jndi";
    public static final String MEMORY_MAX_BYTES = "isr.memory.max-bytes";
    public static final String STORE_MAX_BYTES = "isr.store.max-bytes";
    public static final String CAPTURE_MAX_BYTES = "isr.capture.max-bytes";
    public static final String STORE_MIN_FREE_BYTES = "isr.store.min-free-bytes";
    public static final String PUBLIC_ORIGINS = "isr.public-origins";
    public static final String HIT_FOR_PASS = "isr.hit-for-pass";
    public static final String WEBHOOK_TOLERANCE = "isr.webhook.tolerance";
    public static final String SWEEP_INTERVAL = "isr.sweep.interval";
    public static final String EVICT_UNREAD_AFTER = "isr.evict-unread-after";

    /** Every key this class reads, for the check that the configuration reference documents them all. */
    public static final List<String> KEYS = List.of(CACHE_NAME, MAX_BODY_BYTES, STORABLE_STATUSES,
            IGNORED_QUERY_PARAMS, STORE_PATH, STRICT_S_MAXAGE, ORIGIN, REVALIDATION_TOKEN, REVALIDATION_TIMEOUT,
            RETRY_AFTER, COLLAPSE_TIMEOUT, REVALIDATION_MAX_CONCURRENCY, ADMIN_TOKEN, ADMIN_ALLOWED_NETWORKS, WEBHOOK_SECRET, CLUSTER_MODE,
            CLUSTER_OWNERS, CLUSTER_NAME, CLUSTER_BIND_ADDRESS, CLUSTER_PORT, CLUSTER_INITIAL_HOSTS, CLUSTER_MIN_MEMBERS,
            CLUSTER_NODE_NAME, CLUSTER_SECRET, CLUSTER_KEYSTORE_PATH, CLUSTER_KEYSTORE_PASSWORD, CLUSTER_KEYSTORE_ALIAS,
            CLUSTER_INSECURE, CLUSTER_MAX_CLOCK_SKEW, CACHE_JNDI, MEMORY_MAX_BYTES, STORE_MAX_BYTES, CAPTURE_MAX_BYTES, STORE_MIN_FREE_BYTES, SWEEP_INTERVAL, EVICT_UNREAD_AFTER,
            PUBLIC_ORIGINS, HIT_FOR_PASS, WEBHOOK_TOLERANCE, DEGRADED_WINDOW, DEGRADED_SHARE);

    @Inject
    Config config;

    @Produces
    @Singleton
    IsrConfig isrConfig() {
        IsrConfig defaults = IsrConfig.defaults();
        try {
            return new IsrConfig(
                    read(CACHE_NAME, String.class, defaults.cacheName()),
                    read(MAX_BODY_BYTES, Integer.class, defaults.maxBodyBytes()),
                    readStatuses(defaults.storableStatuses()),
                    readList(IGNORED_QUERY_PARAMS, defaults.ignoredQueryParams()),
                    read(STORE_PATH, String.class, defaults.storePath()),
                    read(STRICT_S_MAXAGE, Boolean.class, defaults.strictSMaxAge()),
                    read(ORIGIN, String.class, defaults.origin()),
                    read(REVALIDATION_TOKEN, String.class, defaults.revalidationToken()),
                    readDuration(REVALIDATION_TIMEOUT, defaults.revalidationTimeout()),
                    readDuration(RETRY_AFTER, defaults.retryAfter()),
                    readDuration(COLLAPSE_TIMEOUT, defaults.collapseTimeout()),
                    read(REVALIDATION_MAX_CONCURRENCY, Integer.class, defaults.revalidationMaxConcurrency()),
                    read(ADMIN_TOKEN, String.class, defaults.adminToken()),
                    read(WEBHOOK_SECRET, String.class, defaults.webhookSecret()),
                    cluster(defaults.cluster()),
                    new ByteBudgets(readBytes(MEMORY_MAX_BYTES, defaults.budgets().memory()),
                            readBytes(STORE_MAX_BYTES, defaults.budgets().store()),
                            readBytes(CAPTURE_MAX_BYTES, defaults.budgets().capture()),
                            readBytes(STORE_MIN_FREE_BYTES, defaults.budgets().storeMinFree())),
                    readDuration(SWEEP_INTERVAL, defaults.sweepInterval()),
                    readDuration(EVICT_UNREAD_AFTER, defaults.evictUnreadAfter()),
                    readList(PUBLIC_ORIGINS, defaults.publicOrigins()),
                    readDuration(HIT_FOR_PASS, defaults.hitForPass()),
                    readDuration(WEBHOOK_TOLERANCE, defaults.webhookTolerance()),
                    readDuration(DEGRADED_WINDOW, defaults.degradedWindow()),
                    read(DEGRADED_SHARE, Double.class, defaults.degradedShare()),
                    convert(ADMIN_ALLOWED_NETWORKS, k -> config.getOptionalValues(k, String.class)
                            .map(ClientNetworks::parse).orElse(defaults.adminNetworks())));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ISR0001: invalid ISR configuration: " + e.getMessage(), e);
        }
    }

    private ClusterSettings cluster(ClusterSettings defaults) {
        return new ClusterSettings(
                convert(CLUSTER_MODE, k -> config.getOptionalValue(k, String.class).map(ClusterSettings.Mode::parse)
                        .orElse(defaults.mode())),
                read(CLUSTER_OWNERS, Integer.class, defaults.owners()),
                read(CLUSTER_NAME, String.class, defaults.name()),
                read(CLUSTER_BIND_ADDRESS, String.class, defaults.bindAddress()),
                read(CLUSTER_PORT, Integer.class, defaults.port()),
                readList(CLUSTER_INITIAL_HOSTS, defaults.initialHosts()),
                read(CLUSTER_MIN_MEMBERS, Integer.class, defaults.minMembers()),
                read(CLUSTER_NODE_NAME, String.class, defaults.nodeName()),
                security(defaults.security()),
                readDuration(CLUSTER_MAX_CLOCK_SKEW, defaults.maxClockSkew()),
                read(CACHE_JNDI, String.class, defaults.serverContainer()));
    }

    private ChannelSecurity security(ChannelSecurity defaults) {
        return new ChannelSecurity(
                read(CLUSTER_SECRET, String.class, defaults.secret()),
                read(CLUSTER_KEYSTORE_PATH, String.class, defaults.keystorePath()),
                read(CLUSTER_KEYSTORE_PASSWORD, String.class, defaults.keystorePassword()),
                read(CLUSTER_KEYSTORE_ALIAS, String.class, defaults.keyAlias()),
                read(CLUSTER_INSECURE, Boolean.class, defaults.insecure()));
    }

    private <T> T read(String key, Class<T> type, T defaultValue) {
        return convert(key, k -> config.getOptionalValue(k, type).orElse(defaultValue));
    }

    private Duration readDuration(String key, Duration defaultValue) {
        return convert(key, k -> config.getOptionalValue(k, String.class).map(Durations::parse).orElse(defaultValue));
    }

    private long readBytes(String key, long defaultValue) {
        return convert(key, k -> config.getOptionalValue(k, String.class).map(ByteSizes::parse).orElse(defaultValue));
    }

    private List<String> readList(String key, List<String> defaultValue) {
        return convert(key, k -> config.getOptionalValues(k, String.class).orElse(defaultValue));
    }

    private Set<Integer> readStatuses(Set<Integer> defaultValue) {
        return convert(STORABLE_STATUSES, k -> config.getOptionalValues(k, Integer.class)
                .<Set<Integer>>map(HashSet::new)
                .orElse(defaultValue));
    }

    private static <T> T convert(String key, Function<String, T> reader) {
        try {
            return reader.apply(key);
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}
