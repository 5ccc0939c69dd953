package dev.isr.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The age a response already has when the application hands it over (RFC 9111 section 4.2.3): its {@code Age} field
 * (from a cache between the application and its own source) or, if larger, the time since its {@code Date}. An entry
 * is stored as if it had been received that long ago, so that the {@code Age} of every answer is this initial age
 * plus the time it spent here, and an entry whose initial age reaches its lifetime is stale on arrival. An {@code Age}
 * that is not one non-negative integer makes it stale on arrival.
 *
 * <p>The application runs in the same process, so the response delay of the RFC (the time a request and its response
 * spend on the network) is zero.
 */
public final class ResponseAge {

    private ResponseAge() {}

    /** {@code corrected_initial_age}: the larger of the {@code Age} value and the apparent age at {@code receivedAt}. */
    public static Duration correctedInitialAge(HeaderLookup response, Instant receivedAt) {
        long ageValue = ageValue(response);
        Instant date = HttpDate.parse(response.combined("Date"), receivedAt);
        long apparent = date == null
                ? 0
                : Math.max(0, Duration.between(date, receivedAt).getSeconds());
        return Duration.ofSeconds(Math.max(ageValue, apparent));
    }

    /**
     * The {@code Age} value in seconds: 0 if absent; {@link CacheControl#MAX_DELTA_SECONDS}, so stale at once, unless
     * it is exactly one non-negative integer on one line. RFC 9111 section 5.1 lets a cache use the first member of
     * a list and ignore an invalid value; a shared cache cannot tell which of two ages is true, so it takes the one
     * that cannot serve a response longer than its origin meant (the conformance suite's expectation too).
     */
    static long ageValue(HeaderLookup response) {
        List<String> fields = response.values("Age");
        if (fields.isEmpty()) {
            return 0;
        }
        String value = fields.size() == 1 ? fields.get(0).strip() : "";
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return CacheControl.MAX_DELTA_SECONDS;
        }
        return value.length() > 10
                ? CacheControl.MAX_DELTA_SECONDS
                : Math.min(Long.parseLong(value), CacheControl.MAX_DELTA_SECONDS);
    }

    /**
     * The freshness lifetime {@code Expires} gives (RFC 9111 section 4.2.1): {@code Expires} minus {@code Date}; zero
     * when {@code Expires} is not a valid date (it means already expired, section 5.3) or when there is no valid
     * {@code Date} to subtract it from; null when there is no {@code Expires}.
     */
    public static @Nullable Duration expiresLifetime(HeaderLookup response) {
        List<String> expires = response.values("Expires");
        if (expires.isEmpty()) {
            return null;
        }
        Instant date = HttpDate.parse(response.combined("Date"));
        Instant until =
                expires.size() == 1 ? HttpDate.parse(expires.get(0), date == null ? Instant.now() : date) : null;
        if (until == null || date == null || !until.isAfter(date)) {
            return Duration.ZERO;
        }
        return Duration.between(date, until).withNanos(0);
    }
}
