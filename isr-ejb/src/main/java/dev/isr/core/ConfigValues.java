package dev.isr.core;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Values by {@link ConfigKey}, as read from the configuration (absent keys take the defaults of
 * {@link IsrConfig#defaults()}), and the one mapping between them and the fields of {@link IsrConfig} and the records
 * it holds: {@link #toConfig()} one way, {@link #of(IsrConfig)} the other. Both switch over every key, so the compiler
 * fails a key that is declared and not mapped.
 */
public final class ConfigValues {

    private final Map<ConfigKey, Object> values;

    private ConfigValues(Map<ConfigKey, Object> values) {
        this.values = values;
    }

    /** The values of {@code config}, for every key. */
    public static ConfigValues of(IsrConfig config) {
        Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            values.put(key, valueOf(config, key));
        }
        return new ConfigValues(values);
    }

    /** The defaults, with {@code read} (key to value of the key's type) over them. */
    public static ConfigValues defaultsWith(Map<ConfigKey, Object> read) {
        ConfigValues values = of(IsrConfig.defaults());
        values.values.putAll(read);
        return values;
    }

    /** These values with {@code key} set to {@code value}. */
    public ConfigValues with(ConfigKey key, Object value) {
        Map<ConfigKey, Object> copy = new EnumMap<>(values);
        copy.put(key, value);
        return new ConfigValues(copy);
    }

    /** The value of {@code key}. */
    public Object get(ConfigKey key) {
        return values.get(key);
    }

    /** Every value by key, read-only. */
    public Map<ConfigKey, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * The configuration these values make.
     *
     * @throws IllegalArgumentException naming the key of a value that the records refuse
     */
    public IsrConfig toConfig() {
        ClusterSettings cluster = cluster();
        ByteBudgets budgets = budgets();
        @SuppressWarnings("unchecked")
        Set<Integer> statuses = (Set<Integer>) get(ConfigKey.STORABLE_STATUSES);
        return new IsrConfig(
                string(ConfigKey.CACHE_STATUS_NAME),
                integer(ConfigKey.MAX_BODY_BYTES),
                statuses,
                list(ConfigKey.KEY_IGNORED_QUERY_PARAMS),
                string(ConfigKey.STORE_PATH),
                (Boolean) get(ConfigKey.STRICT_S_MAXAGE),
                string(ConfigKey.ORIGIN),
                string(ConfigKey.REVALIDATION_TOKEN),
                duration(ConfigKey.REVALIDATION_TIMEOUT),
                duration(ConfigKey.REVALIDATION_RETRY_AFTER),
                duration(ConfigKey.COLLAPSE_TIMEOUT),
                integer(ConfigKey.REVALIDATION_MAX_CONCURRENCY),
                string(ConfigKey.ADMIN_TOKEN),
                string(ConfigKey.WEBHOOK_SECRET),
                cluster,
                budgets,
                duration(ConfigKey.SWEEP_INTERVAL),
                duration(ConfigKey.EVICT_UNREAD_AFTER),
                list(ConfigKey.PUBLIC_ORIGINS),
                duration(ConfigKey.HIT_FOR_PASS),
                duration(ConfigKey.WEBHOOK_TOLERANCE),
                duration(ConfigKey.HEALTH_DEGRADED_WINDOW),
                (Double) get(ConfigKey.HEALTH_DEGRADED_SHARE),
                (ClientNetworks) get(ConfigKey.ADMIN_ALLOWED_NETWORKS));
    }

    private ClusterSettings cluster() {
        ChannelSecurity security = new ChannelSecurity(
                string(ConfigKey.CLUSTER_SECRET),
                string(ConfigKey.CLUSTER_KEYSTORE_PATH),
                string(ConfigKey.CLUSTER_KEYSTORE_PASSWORD),
                string(ConfigKey.CLUSTER_KEYSTORE_ALIAS),
                (Boolean) get(ConfigKey.CLUSTER_INSECURE));
        return new ClusterSettings(
                (ClusterSettings.Mode) get(ConfigKey.CLUSTER_MODE),
                integer(ConfigKey.CLUSTER_OWNERS),
                string(ConfigKey.CLUSTER_NAME),
                string(ConfigKey.CLUSTER_BIND_ADDRESS),
                integer(ConfigKey.CLUSTER_PORT),
                list(ConfigKey.CLUSTER_INITIAL_HOSTS),
                integer(ConfigKey.CLUSTER_MIN_MEMBERS),
                string(ConfigKey.CLUSTER_NODE_NAME),
                security,
                duration(ConfigKey.CLUSTER_MAX_CLOCK_SKEW),
                string(ConfigKey.CACHE_JNDI));
    }

    private ByteBudgets budgets() {
        return new ByteBudgets(
                bytes(ConfigKey.MEMORY_MAX_BYTES),
                bytes(ConfigKey.STORE_MAX_BYTES),
                bytes(ConfigKey.CAPTURE_MAX_BYTES),
                bytes(ConfigKey.STORE_MIN_FREE_BYTES));
    }

    /** The value {@code config} holds for {@code key}. */
    static Object valueOf(IsrConfig config, ConfigKey key) {
        return switch (key) {
            case STORE_PATH -> config.storePath();
            case MAX_BODY_BYTES -> config.maxBodyBytes();
            case STORABLE_STATUSES -> config.storableStatuses();
            case KEY_IGNORED_QUERY_PARAMS -> config.ignoredQueryParams();
            case CACHE_STATUS_NAME -> config.cacheName();
            case STRICT_S_MAXAGE -> config.strictSMaxAge();
            case PUBLIC_ORIGINS -> config.publicOrigins();
            case ORIGIN -> config.origin();
            case REVALIDATION_TOKEN -> config.revalidationToken();
            case REVALIDATION_TIMEOUT -> config.revalidationTimeout();
            case REVALIDATION_RETRY_AFTER -> config.retryAfter();
            case REVALIDATION_MAX_CONCURRENCY -> config.revalidationMaxConcurrency();
            case ADMIN_TOKEN -> config.adminToken();
            case ADMIN_ALLOWED_NETWORKS -> config.adminNetworks();
            case WEBHOOK_SECRET -> config.webhookSecret();
            case WEBHOOK_TOLERANCE -> config.webhookTolerance();
            case HIT_FOR_PASS -> config.hitForPass();
            case COLLAPSE_TIMEOUT -> config.collapseTimeout();
            case HEALTH_DEGRADED_SHARE -> config.degradedShare();
            case HEALTH_DEGRADED_WINDOW -> config.degradedWindow();
            case SWEEP_INTERVAL -> config.sweepInterval();
            case EVICT_UNREAD_AFTER -> config.evictUnreadAfter();
            default -> nestedValueOf(config, key);
        };
    }

    /** The value of a key held by one of the records nested in {@code config}. */
    private static Object nestedValueOf(IsrConfig config, ConfigKey key) {
        ClusterSettings cluster = config.cluster();
        ChannelSecurity security = cluster.security();
        ByteBudgets budgets = config.budgets();
        return switch (key) {
            case CLUSTER_MODE -> cluster.mode();
            case CLUSTER_OWNERS -> cluster.owners();
            case CLUSTER_NAME -> cluster.name();
            case CLUSTER_BIND_ADDRESS -> cluster.bindAddress();
            case CLUSTER_PORT -> cluster.port();
            case CLUSTER_INITIAL_HOSTS -> cluster.initialHosts();
            case CLUSTER_MIN_MEMBERS -> cluster.minMembers();
            case CLUSTER_NODE_NAME -> cluster.nodeName();
            case CLUSTER_MAX_CLOCK_SKEW -> cluster.maxClockSkew();
            case CACHE_JNDI -> cluster.serverContainer();
            case CLUSTER_SECRET -> security.secret();
            case CLUSTER_KEYSTORE_PATH -> security.keystorePath();
            case CLUSTER_KEYSTORE_PASSWORD -> security.keystorePassword();
            case CLUSTER_KEYSTORE_ALIAS -> security.keyAlias();
            case CLUSTER_INSECURE -> security.insecure();
            case MEMORY_MAX_BYTES -> budgets.memory();
            case STORE_MAX_BYTES -> budgets.store();
            case STORE_MIN_FREE_BYTES -> budgets.storeMinFree();
            case CAPTURE_MAX_BYTES -> budgets.capture();
            default -> throw new IllegalStateException("no value is read for " + key.key());
        };
    }

    private String string(ConfigKey key) {
        return (String) get(key);
    }

    private int integer(ConfigKey key) {
        return (Integer) get(key);
    }

    private long bytes(ConfigKey key) {
        return (Long) get(key);
    }

    private Duration duration(ConfigKey key) {
        return (Duration) get(key);
    }

    @SuppressWarnings("unchecked")
    private List<String> list(ConfigKey key) {
        return (List<String>) get(key);
    }
}
