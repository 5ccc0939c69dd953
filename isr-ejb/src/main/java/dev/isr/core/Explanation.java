package dev.isr.core;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the front door would do with a request, in words, for the console's "why is this not cached?": the decision,
 * the {@code Cache-Status} it would send, and why. Made from a {@link Lookup} of a dry run (no statistics, no
 * revalidation started) and what {@link StoreRefusals} remembers of the key's last render.
 *
 * @param key the key looked up, or null when the request was not looked up
 * @param decision {@code hit}, {@code stale}, {@code forward} (rendered, and stored if the response allows) or
 *     {@code bypass} (rendered, never stored)
 * @param cacheStatus the {@code Cache-Status} of the answer; for a render, as it would be before its response is known
 * @param explanation one sentence
 * @param entry the stored entry that would answer or be revalidated, or null
 * @param lastRefusal why the last render of the key was not stored, or null
 */
public record Explanation(
        @Nullable String key,
        String decision,
        String cacheStatus,
        String explanation,
        @Nullable CachedResponse entry,
        StoreRefusals.@Nullable Refusal lastRefusal) {

    /** The explanation of {@code lookup}, made at {@code now}. */
    public static Explanation of(
            Lookup lookup, CacheStatus cacheStatus, StoreRefusals.@Nullable Refusal lastRefusal, Instant now) {
        if (lookup instanceof Lookup.Serve serve) {
            boolean fresh = serve.entry().ttlSeconds(now) >= 0;
            return new Explanation(
                    serve.entry().key().value(),
                    fresh ? "hit" : "stale",
                    serve.cacheStatus(),
                    fresh
                            ? "a fresh entry answers; it expires in "
                                    + serve.entry().ttlSeconds(now) + " s"
                            : "a stale entry answers while one background render replaces it",
                    serve.entry(),
                    null);
        }
        Lookup.Forward forward = (Lookup.Forward) lookup;
        CachedResponse entry = forward.validating() != null ? forward.validating() : forward.staleIfError();
        String status = cacheStatus.forwarded(forward.reason(), false, forward.detail());
        String key = forward.key() == null ? null : forward.key().value();
        if (!forward.mayStore()) {
            return new Explanation(key, "bypass", status, bypassed(forward.detail()), entry, lastRefusal);
        }
        String why = switch (forward.reason()) {
            case URI_MISS -> "nothing is stored for this URL: the application renders it";
            case STALE -> "the stored entry is stale and may not be served stale: the application renders it";
            default -> "the application renders it";
        };
        if (lastRefusal != null) {
            why += "; its last render was not stored (" + lastRefusal.detail() + ", "
                    + Duration.between(lastRefusal.at(), now).toSeconds() + " s ago)";
        } else {
            why += ", and its response is stored if its fields allow";
        }
        return new Explanation(key, "forward", status, why, entry, lastRefusal);
    }

    private static String bypassed(@Nullable String detail) {
        if (detail == null) {
            return "the request is not answered from the cache, and its response is not stored";
        }
        return switch (detail) {
            case "unknown-origin" -> "the URL's origin is not one of isr.public-origins: never cached";
            case "cache-unavailable" -> "the cache is not running on this node: pages are served uncached";
            case "malformed-path" -> "the path is not a valid one: never cached";
            case "method" -> "the method is not cached";
            default -> "not answered from the cache: " + detail;
        };
    }
}
