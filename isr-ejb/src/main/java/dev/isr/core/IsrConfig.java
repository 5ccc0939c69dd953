package dev.isr.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
 * @param origin where revalidations send their requests, e.g. {@code http://127.0.0.1:8080}, or empty for the address
 *     requests arrive on ({@code isr.origin})
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
 * @param maxEntries entries held in memory per cache and node; durable ones past it stay on disk
 *     ({@code isr.max-entries})
 * @param sweepInterval how often the sweep runs ({@code isr.sweep.interval})
 * @param evictUnreadAfter entries not read for this long are evicted by the sweep ({@code isr.evict-unread-after})
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
        long maxEntries,
        Duration sweepInterval,
        Duration evictUnreadAfter) {

    public static final String DEFAULT_CACHE_NAME = "isr";
    public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
    public static final Set<Integer> DEFAULT_STORABLE_STATUSES =
            Set.of(200, 203, 204, 300, 301, 302, 307, 308, 404, 410);
    public static final List<String> DEFAULT_IGNORED_QUERY_PARAMS =
            List.of("utm_*", "fbclid", "gclid", "mc_cid", "mc_eid", "msclkid");
    public static final Duration DEFAULT_REVALIDATION_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    public static final Duration DEFAULT_COLLAPSE_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_REVALIDATION_MAX_CONCURRENCY = 4;
    public static final int MIN_SECRET_LENGTH = 16;
    public static final long DEFAULT_MAX_ENTRIES = 100_000;
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_EVICT_UNREAD_AFTER = Duration.ofDays(31);

    public IsrConfig {
        Objects.requireNonNull(cacheName, "isr.cache-status.name");
        try {
            new CacheStatus(cacheName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("isr.cache-status.name: " + e.getMessage(), e);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("isr.max-body-bytes must be >= 0: " + maxBodyBytes);
        }
        storableStatuses = Set.copyOf(storableStatuses);
        for (int status : storableStatuses) {
            if (status < 200 || status > 599) {
                throw new IllegalArgumentException("isr.storable-statuses must be 200..599: " + status);
            }
        }
        ignoredQueryParams = List.copyOf(ignoredQueryParams);
        try {
            new CacheKeyFactory(ignoredQueryParams);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("isr.key.ignored-query-params: " + e.getMessage(), e);
        }
        Objects.requireNonNull(storePath, "isr.store.path");
        Objects.requireNonNull(origin, "isr.origin");
        if (!origin.isEmpty() && !origin.matches("https?://[^/?#]+")) {
            throw new IllegalArgumentException("isr.origin must be scheme://host[:port] with no path: '" + origin + "'");
        }
        Objects.requireNonNull(revalidationToken, "isr.revalidation.token");
        requireSecret("isr.revalidation.token", revalidationToken);
        requirePositive("isr.revalidation.timeout", revalidationTimeout);
        requireNotNegative("isr.revalidation.retry-after", retryAfter);
        requirePositive("isr.collapse.timeout", collapseTimeout);
        if (revalidationMaxConcurrency < 1 || revalidationMaxConcurrency > 256) {
            throw new IllegalArgumentException("isr.revalidation.max-concurrency must be 1..256: "
                    + revalidationMaxConcurrency);
        }
        requireSecret("isr.admin.token", adminToken);
        requireSecret("isr.webhook.secret", webhookSecret);
        Objects.requireNonNull(cluster, "isr.cluster");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("isr.max-entries must be >= 1: " + maxEntries);
        }
        requirePositive("isr.sweep.interval", sweepInterval);
        requirePositive("isr.evict-unread-after", evictUnreadAfter);
    }

    private static void requireSecret(String key, String value) {
        Objects.requireNonNull(value, key);
        if (!value.isEmpty() && value.length() < MIN_SECRET_LENGTH) {
            // the value is a secret: its length is said, never the value
            throw new IllegalArgumentException(key + " must have at least " + MIN_SECRET_LENGTH + " characters, has "
                    + value.length());
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
        return new IsrConfig(DEFAULT_CACHE_NAME, DEFAULT_MAX_BODY_BYTES, DEFAULT_STORABLE_STATUSES,
                DEFAULT_IGNORED_QUERY_PARAMS, "", false, "", "", DEFAULT_REVALIDATION_TIMEOUT, DEFAULT_RETRY_AFTER,
                DEFAULT_COLLAPSE_TIMEOUT, DEFAULT_REVALIDATION_MAX_CONCURRENCY, "", "", ClusterSettings.local(),
                DEFAULT_MAX_ENTRIES, DEFAULT_SWEEP_INTERVAL, DEFAULT_EVICT_UNREAD_AFTER);
    }

    public IsrConfig withStorePath(String path) {
        return new IsrConfig(cacheName, maxBodyBytes, storableStatuses, ignoredQueryParams, path, strictSMaxAge,
                origin, revalidationToken, revalidationTimeout, retryAfter, collapseTimeout, revalidationMaxConcurrency,
                adminToken, webhookSecret, cluster, maxEntries, sweepInterval, evictUnreadAfter);
    }

    @Override
    public String toString() {
        // the token is a secret: never in logs
        return "IsrConfig[cacheName=" + cacheName + ", maxBodyBytes=" + maxBodyBytes + ", storableStatuses="
                + storableStatuses + ", ignoredQueryParams=" + ignoredQueryParams + ", storePath=" + storePath
                + ", strictSMaxAge=" + strictSMaxAge + ", origin=" + origin + ", revalidationToken="
                + (revalidationToken.isEmpty() ? "<random>" : "<set>") + ", revalidationTimeout=" + revalidationTimeout
                + ", retryAfter=" + retryAfter + ", collapseTimeout=" + collapseTimeout
                + ", revalidationMaxConcurrency=" + revalidationMaxConcurrency + ", adminToken="
                + (adminToken.isEmpty() ? "<none: admin API closed>" : "<set>") + ", webhookSecret="
                + (webhookSecret.isEmpty() ? "<none: webhooks refused>" : "<set>") + ", cluster=" + cluster
                + ", maxEntries=" + maxEntries + ", sweepInterval=" + sweepInterval + ", evictUnreadAfter="
                + evictUnreadAfter + "]";
    }
}
