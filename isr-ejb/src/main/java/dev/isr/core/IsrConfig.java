package dev.isr.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The module's configuration, read once at deployment. Invalid values fail deployment with a message naming the key.
 *
 * @param cacheName the cache's name in {@code Cache-Status} ({@code isr.cache-status.name})
 * @param maxBodyBytes the largest body stored, in bytes ({@code isr.max-body-bytes})
 * @param storableStatuses the status codes that may be stored ({@code isr.storable-statuses})
 * @param ignoredQueryParams query parameters left out of cache keys ({@code isr.key.ignored-query-params})
 * @param storePath where the persistent store lives, or empty for the server's data directory
 *     ({@code isr.store.path})
 * @param strictSMaxAge {@code s-maxage} implies {@code proxy-revalidate} ({@code isr.strict-s-maxage})
 * @param origin the address revalidations connect to, this node's own HTTP listener, e.g.
 *     {@code http://127.0.0.1:8080}; empty for the listener the server's configuration names ({@code isr.origin}).
 *     The page is rendered for the entry's public origin all the same: only the connection goes here
 * @param revalidationToken the secret of {@code Isr-Revalidate}, or empty for a random one per node
 *     ({@code isr.revalidation.token})
 * @param revalidationTimeout how long a revalidation may take ({@code isr.revalidation.timeout})
 * @param retryAfter how long after a failed revalidation the key is not revalidated again
 *     ({@code isr.revalidation.retry-after})
 * @param collapseTimeout how long a request waits for another's render of the same key ({@code isr.collapse.timeout})
 * @param revalidationMaxConcurrency how many eager revalidations run at once ({@code isr.revalidation.max-concurrency})
 * @param adminToken the bearer token of the admin API, or empty: then the admin API is closed ({@code isr.admin.token})
 * @param webhookSecret the HMAC key of {@code POST /isr/webhook}, or empty: then webhooks are refused
 *     ({@code isr.webhook.secret})
 * @param cluster how nodes find each other and share entries ({@code isr.cluster.*})
 * @param budgets how many bytes entries may take in memory, on disk and while being captured
 *     ({@code isr.memory.max-bytes}, {@code isr.store.max-bytes}, {@code isr.capture.max-bytes})
 * @param sweepInterval how often the sweep runs ({@code isr.sweep.interval})
 * @param evictUnreadAfter entries not read for this long are evicted by the sweep ({@code isr.evict-unread-after})
 * @param publicOrigins the origins ({@code scheme://host[:port]}, normalized) the module caches for; requests for any
 *     other are never served from or stored in the cache; empty: every origin, each with entries of its own
 *     ({@code isr.public-origins})
 * @param hitForPass how long a key whose response was not storable is rendered without collapsing
 *     ({@code isr.hit-for-pass})
 * @param webhookTolerance how far a webhook's signed timestamp may be from this node's clock; also how long its
 *     signature is remembered against replays ({@code isr.webhook.tolerance})
 * @param degradedWindow the window over which readiness judges the share of degraded answers
 *     ({@code isr.health.degraded-window})
 * @param degradedShare the share of stale-if-error answers, or of failed revalidations, above which readiness is
 *     DOWN ({@code isr.health.degraded-share})
 * @param adminNetworks the client networks the token-protected admin calls answer; {@link ClientNetworks#ANY} for
 *     every one ({@code isr.admin.allowed-networks})
 */
public record IsrConfig(
        String cacheName,
        int maxBodyBytes,
        Set<Integer> storableStatuses,
        List<String> ignoredQueryParams,
        String storePath,
        boolean strictSMaxAge,
        String origin,
        String revalidationToken,
        Duration revalidationTimeout,
        Duration retryAfter,
        Duration collapseTimeout,
        int revalidationMaxConcurrency,
        String adminToken,
        String webhookSecret,
        ClusterSettings cluster,
        ByteBudgets budgets,
        Duration sweepInterval,
        Duration evictUnreadAfter,
        List<String> publicOrigins,
        Duration hitForPass,
        Duration webhookTolerance,
        Duration degradedWindow,
        double degradedShare,
        ClientNetworks adminNetworks) {

    public static final String DEFAULT_CACHE_NAME = "isr";
    public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
    /**
     * Every final status (RFC 9111 section 3: any response with explicit freshness may be stored) but {@code 206}, a
     * part that is never stored as a whole, and {@code 304}, which refreshes a stored response and is not one.
     */
    public static final Set<Integer> DEFAULT_STORABLE_STATUSES = IntStream.rangeClosed(200, 599)
            .filter(status -> status != 206 && status != 304)
            .boxed()
            .collect(Collectors.toUnmodifiableSet());

    public static final List<String> DEFAULT_IGNORED_QUERY_PARAMS =
            List.of("utm_*", "fbclid", "gclid", "mc_cid", "mc_eid", "msclkid");
    public static final Duration DEFAULT_REVALIDATION_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_DEGRADED_WINDOW = Duration.ofMinutes(5);
    public static final double DEFAULT_DEGRADED_SHARE = 0.5;
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    public static final Duration DEFAULT_COLLAPSE_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_REVALIDATION_MAX_CONCURRENCY = 4;
    public static final int MIN_SECRET_LENGTH = 16;
    public static final Duration DEFAULT_HIT_FOR_PASS = Duration.ofSeconds(60);
    public static final Duration DEFAULT_WEBHOOK_TOLERANCE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_EVICT_UNREAD_AFTER = Duration.ofDays(31);

    public IsrConfig {
        Objects.requireNonNull(cacheName, ConfigKey.CACHE_STATUS_NAME.key());
        try {
            new CacheStatus(cacheName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ConfigKey.CACHE_STATUS_NAME.key() + ": " + e.getMessage(), e);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException(ConfigKey.MAX_BODY_BYTES.key() + " must be >= 0: " + maxBodyBytes);
        }
        storableStatuses = Set.copyOf(storableStatuses);
        for (int status : storableStatuses) {
            if (status < 200 || status > 599) {
                throw new IllegalArgumentException(ConfigKey.STORABLE_STATUSES.key() + " must be 200..599: " + status);
            }
        }
        ignoredQueryParams = List.copyOf(ignoredQueryParams);
        try {
            new CacheKeyFactory(ignoredQueryParams);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ConfigKey.KEY_IGNORED_QUERY_PARAMS.key() + ": " + e.getMessage(), e);
        }
        Objects.requireNonNull(storePath, ConfigKey.STORE_PATH.key());
        Objects.requireNonNull(origin, ConfigKey.ORIGIN.key());
        if (!origin.isEmpty() && !origin.matches("https?://[^/?#]+")) {
            throw new IllegalArgumentException(
                    ConfigKey.ORIGIN.key() + " must be scheme://host[:port] with no path: '" + origin + "'");
        }
        Objects.requireNonNull(revalidationToken, ConfigKey.REVALIDATION_TOKEN.key());
        requireSecret(ConfigKey.REVALIDATION_TOKEN.key(), revalidationToken);
        requirePositive(ConfigKey.REVALIDATION_TIMEOUT.key(), revalidationTimeout);
        requireNotNegative(ConfigKey.REVALIDATION_RETRY_AFTER.key(), retryAfter);
        requirePositive(ConfigKey.COLLAPSE_TIMEOUT.key(), collapseTimeout);
        if (revalidationMaxConcurrency < 1 || revalidationMaxConcurrency > 256) {
            throw new IllegalArgumentException(
                    ConfigKey.REVALIDATION_MAX_CONCURRENCY.key() + " must be 1..256: " + revalidationMaxConcurrency);
        }
        requireSecret(ConfigKey.ADMIN_TOKEN.key(), adminToken);
        requireSecret(ConfigKey.WEBHOOK_SECRET.key(), webhookSecret);
        Objects.requireNonNull(cluster, "isr.cluster");
        Objects.requireNonNull(budgets, "budgets");
        requirePositive(ConfigKey.SWEEP_INTERVAL.key(), sweepInterval);
        requirePositive(ConfigKey.EVICT_UNREAD_AFTER.key(), evictUnreadAfter);
        try {
            publicOrigins = publicOrigins.stream()
                    .map(Origin::parse)
                    .map(Origin::value)
                    .distinct()
                    .toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ConfigKey.PUBLIC_ORIGINS.key() + ": " + e.getMessage(), e);
        }
        requireNotNegative(ConfigKey.HIT_FOR_PASS.key(), hitForPass);
        requirePositive(ConfigKey.WEBHOOK_TOLERANCE.key(), webhookTolerance);
        requirePositive(ConfigKey.HEALTH_DEGRADED_WINDOW.key(), degradedWindow);
        if (!(degradedShare > 0 && degradedShare <= 1)) {
            throw new IllegalArgumentException(
                    ConfigKey.HEALTH_DEGRADED_SHARE.key() + " must be in (0, 1]: " + degradedShare);
        }
        Objects.requireNonNull(adminNetworks, ConfigKey.ADMIN_ALLOWED_NETWORKS.key());
    }

    private static void requireSecret(String key, String value) {
        Objects.requireNonNull(value, key);
        if (!value.isEmpty() && value.length() < MIN_SECRET_LENGTH) {
            // the value is a secret: its length is said, never the value
            throw new IllegalArgumentException(
                    key + " must have at least " + MIN_SECRET_LENGTH + " characters, has " + value.length());
        }
    }

    private static void requirePositive(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive: " + value);
        }
    }

    private static void requireNotNegative(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative: " + value);
        }
    }

    /** The defaults of the contract. */
    public static IsrConfig defaults() {
        return new IsrConfig(
                DEFAULT_CACHE_NAME,
                DEFAULT_MAX_BODY_BYTES,
                DEFAULT_STORABLE_STATUSES,
                DEFAULT_IGNORED_QUERY_PARAMS,
                "",
                false,
                "",
                "",
                DEFAULT_REVALIDATION_TIMEOUT,
                DEFAULT_RETRY_AFTER,
                DEFAULT_COLLAPSE_TIMEOUT,
                DEFAULT_REVALIDATION_MAX_CONCURRENCY,
                "",
                "",
                ClusterSettings.local(),
                ByteBudgets.DEFAULTS,
                DEFAULT_SWEEP_INTERVAL,
                DEFAULT_EVICT_UNREAD_AFTER,
                List.of(),
                DEFAULT_HIT_FOR_PASS,
                DEFAULT_WEBHOOK_TOLERANCE,
                DEFAULT_DEGRADED_WINDOW,
                DEFAULT_DEGRADED_SHARE,
                ClientNetworks.ANY);
    }

    public IsrConfig withStorePath(String path) {
        return ConfigValues.of(this).with(ConfigKey.STORE_PATH, path).toConfig();
    }

    public IsrConfig withBudgets(ByteBudgets budgets) {
        return ConfigValues.of(this)
                .with(ConfigKey.MEMORY_MAX_BYTES, budgets.memory())
                .with(ConfigKey.STORE_MAX_BYTES, budgets.store())
                .with(ConfigKey.CAPTURE_MAX_BYTES, budgets.capture())
                .with(ConfigKey.STORE_MIN_FREE_BYTES, budgets.storeMinFree())
                .toConfig();
    }

    /** Every key and its value ({@link ConfigKey}), secrets as {@code <set>} or {@code <none>}: never their value. */
    @Override
    public String toString() {
        StringJoiner shown = new StringJoiner(", ", "IsrConfig[", "]");
        ConfigValues.of(this)
                .asMap()
                .forEach((key, value) ->
                        shown.add(key.key() + "=" + (key.secret() ? ("".equals(value) ? "<none>" : "<set>") : value)));
        return shown.toString();
    }
}
