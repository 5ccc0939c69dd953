package dev.isr.core;

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
 */
public record IsrConfig(
        String cacheName,
        int maxBodyBytes,
        Set<Integer> storableStatuses,
        List<String> ignoredQueryParams,
        String storePath) {

    public static final String DEFAULT_CACHE_NAME = "isr";
    public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
    public static final Set<Integer> DEFAULT_STORABLE_STATUSES =
            Set.of(200, 203, 204, 300, 301, 302, 307, 308, 404, 410);
    public static final List<String> DEFAULT_IGNORED_QUERY_PARAMS =
            List.of("utm_*", "fbclid", "gclid", "mc_cid", "mc_eid", "msclkid");

    public IsrConfig {
        Objects.requireNonNull(cacheName, "isr.cache-status.name");
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
        Objects.requireNonNull(storePath, "isr.store.path");
        // validate the derived objects now, so that a bad value fails deployment rather than the first request
        new CacheStatus(cacheName);
        new CacheKeyFactory(ignoredQueryParams);
    }

    /** The defaults of the contract. */
    public static IsrConfig defaults() {
        return new IsrConfig(DEFAULT_CACHE_NAME, DEFAULT_MAX_BODY_BYTES, DEFAULT_STORABLE_STATUSES,
                DEFAULT_IGNORED_QUERY_PARAMS, "");
    }
}
