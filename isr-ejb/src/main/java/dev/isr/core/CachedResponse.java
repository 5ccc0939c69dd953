package dev.isr.core;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored response: what is replayed to clients without running the application.
 *
 * <p>The body array is owned by this record once constructed: callers must not modify it afterwards, and
 * {@link #body()} returns it without copying, because bodies are large and read on every hit.
 *
 * @param key where it is stored: path, normalized query and variant
 * @param status the HTTP status code
 * @param headers the end-to-end header fields to replay, without {@code Age}, {@code Cache-Status},
 *     {@code Content-Length} and the {@code Isr-*} fields
 * @param body the response content, possibly empty
 * @param storedAt when the response was received from the application; kept to the millisecond, the precision of the
 *     stored form, so that an entry read back equals the one written
 * @param policy how long it may be used
 * @param replayFields the request fields a revalidation sends to render the same variant ({@link VaryRule})
 * @param tags the cache tags it can be purged by ({@link Tags})
 * @param renderEpoch the purge epoch ({@link ResponseCache#purgeEpoch()}) read when the render that produced it
 *     started, so that a purge issued while it rendered purges it however late it is stored ({@link PurgeRecord}); 0
 *     if unknown (stored before the epoch existed), and then purges compare times
 */
public record CachedResponse(
        CacheKey key,
        int status,
        List<Header> headers,
        byte[] body,
        Instant storedAt,
        CachePolicy policy,
        List<Header> replayFields,
        List<String> tags,
        long renderEpoch) {

    /** The status, times and policy as encoded numbers, with their tags: an allowance, not a measure. */
    private static final int FIXED_BYTES = 64;
    /** The tags and lengths that frame each field or tag in the encoded form. */
    private static final int FIELD_BYTES = 4;

    public CachedResponse {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(storedAt, "storedAt");
        Objects.requireNonNull(policy, "policy");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599: " + status);
        }
        headers = List.copyOf(headers);
        replayFields = List.copyOf(replayFields);
        tags = List.copyOf(tags);
        storedAt = storedAt.truncatedTo(ChronoUnit.MILLIS);
        if (renderEpoch < 0) {
            throw new IllegalArgumentException("renderEpoch must not be negative: " + renderEpoch);
        }
    }

    /** An entry whose render epoch is unknown (0): purges compare its {@code storedAt} with their times. */
    public CachedResponse(
            CacheKey key,
            int status,
            List<Header> headers,
            byte[] body,
            Instant storedAt,
            CachePolicy policy,
            List<Header> replayFields,
            List<String> tags) {
        this(key, status, headers, body, storedAt, policy, replayFields, tags, 0);
    }

    /** The age in whole seconds at {@code now} (RFC 9111 section 4.2.3, with this cache as the only hop). */
    public long ageSeconds(Instant now) {
        return Math.max(0, Duration.between(storedAt, now).getSeconds());
    }

    /**
     * Whole seconds of freshness left at {@code now}, rounded down: negative as soon as the entry is stale, as the
     * {@code ttl} of RFC 9211 is.
     */
    public long ttlSeconds(Instant now) {
        return Math.floorDiv(Duration.between(now, expiresAt()).toMillis(), 1000);
    }

    /**
     * Until when the entry is worth keeping: while it may be served, fresh or stale, and for
     * {@link Validators#KEPT_FOR_VALIDATION} beyond if the application can answer {@code 304} to its validators.
     */
    public Instant keepUntil() {
        Instant servable = storedAt.plus(policy.retainFor());
        return Validators.canBeValidated(this) ? servable.plus(Validators.KEPT_FOR_VALIDATION) : servable;
    }

    /** The moment the entry stops being fresh. */
    public Instant expiresAt() {
        return storedAt.plus(policy.freshFor());
    }

    /**
     * This entry, soft-purged at {@code now}: stale from now on, and servable stale (with one revalidation) until it
     * would have expired anyway. Its age and content are unchanged. An entry that may never be served stale simply
     * expires now.
     */
    public CachedResponse softPurged(Instant now) {
        Instant end = storedAt.plus(policy.retainFor());
        Duration fresh = Duration.between(storedAt, now);
        if (fresh.isNegative()) {
            fresh = Duration.ZERO;
        }
        if (fresh.compareTo(policy.freshFor()) >= 0) {
            return this; // already stale
        }
        Duration staleWindow = Duration.between(storedAt.plus(fresh), end);
        CachePolicy stale = new CachePolicy(
                fresh,
                policy.neverServeStale() ? Duration.ZERO : max(staleWindow, Duration.ofSeconds(1)),
                policy.staleIfError().isZero() ? Duration.ZERO : max(staleWindow, Duration.ofSeconds(1)),
                policy.neverServeStale(),
                policy.sharedWithAuthorization(),
                policy.durable());
        return new CachedResponse(key, status, headers, body, storedAt, stale, replayFields, tags, renderEpoch);
    }

    /**
     * This entry as a node that cannot confirm it was not purged serves it (it came back alone after its last view had
     * peers): stale whenever it is read (no freshness left, whatever instant the reader judges it at) and never served
     * before a render (no stale-while-revalidate), but still within its {@code stale-if-error} window, which ends when
     * it ended before, if that render fails. Its age and content are unchanged.
     */
    public CachedResponse unconfirmed() {
        Duration ifError = policy.staleIfError().isZero()
                ? Duration.ZERO
                : policy.freshFor().plus(policy.staleIfError());
        CachePolicy unconfirmed = new CachePolicy(
                Duration.ZERO,
                Duration.ZERO,
                ifError,
                policy.neverServeStale(),
                policy.sharedWithAuthorization(),
                policy.durable());
        return new CachedResponse(key, status, headers, body, storedAt, unconfirmed, replayFields, tags, renderEpoch);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The first value of a stored header field, case-insensitively, or null. */
    public @Nullable String header(String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }

    /**
     * The bytes this entry takes in a store, estimated: the body plus the characters of its key, fields and tags and a
     * fixed allowance for the numbers. What the store budget ({@code isr.store.max-bytes}) counts; within a few
     * percent of the encoded size, cheap enough to compute on every store.
     */
    public long estimatedBytes() {
        long bytes = FIXED_BYTES + body.length + key.value().length();
        for (Header header : headers) {
            bytes += header.name().length() + header.value().length() + FIELD_BYTES;
        }
        for (Header field : replayFields) {
            bytes += field.name().length() + field.value().length() + FIELD_BYTES;
        }
        for (String tag : tags) {
            bytes += tag.length() + FIELD_BYTES;
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CachedResponse that
                && status == that.status
                && key.equals(that.key)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body)
                && storedAt.equals(that.storedAt)
                && policy.equals(that.policy)
                && replayFields.equals(that.replayFields)
                && tags.equals(that.tags)
                && renderEpoch == that.renderEpoch;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                key, status, headers, Arrays.hashCode(body), storedAt, policy, replayFields, tags, renderEpoch);
    }

    @Override
    public String toString() {
        return "CachedResponse[key=" + key + ", status=" + status + ", bytes=" + body.length + ", storedAt=" + storedAt
                + ", policy=" + policy + ", renderEpoch=" + renderEpoch + "]";
    }
}
