package dev.isr.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds cache keys so that requests which must get the same response share one entry.
 *
 * <p>The query string is split into parameters, parameters the configuration ignores (tracking parameters such as
 * {@code utm_source} or {@code fbclid}) are dropped, and the rest are sorted by name, then value, keeping their raw
 * (still percent-encoded) form. Empty parameters ({@code a=1&&b=2}) are dropped. So {@code /p?b=2&utm_source=x&a=1}
 * and {@code /p?a=1&b=2} have the same key.
 */
public final class CacheKeyFactory {

    private static final Comparator<String[]> BY_NAME_THEN_VALUE =
            Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]);

    private final List<String> ignoredExact;
    private final List<String> ignoredPrefixes;

    /**
     * @param ignoredParams parameter names left out of keys, case-insensitive; a trailing {@code *} makes a prefix
     *     ({@code utm_*})
     */
    public CacheKeyFactory(List<String> ignoredParams) {
        Objects.requireNonNull(ignoredParams, "ignoredParams");
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String param : ignoredParams) {
            String lower = param.trim().toLowerCase(Locale.ROOT);
            if (lower.isEmpty() || lower.equals("*")) {
                throw new IllegalArgumentException(
                        "ignored query parameter must be a name or a prefix*: '" + param + "'");
            }
            if (lower.endsWith("*")) {
                prefixes.add(lower.substring(0, lower.length() - 1));
            } else {
                exact.add(lower);
            }
        }
        this.ignoredExact = List.copyOf(exact);
        this.ignoredPrefixes = List.copyOf(prefixes);
    }

    /** The key of {@code target} with no variant and every query parameter that is not ignored. */
    public CacheKey keyFor(RequestTarget target) {
        return new CacheKey(target.origin(), target.path(), normalizeQuery(target.rawQuery(), null), "");
    }

    /**
     * @param allowed the only parameter names kept ({@code Isr-Vary: query=a|b}), or null to keep all that are not
     *     ignored
     */
    String normalizeQuery(@Nullable String rawQuery, @Nullable List<String> allowed) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq);
            if (!name.isEmpty() && !isIgnored(name) && (allowed == null || allowed.contains(name))) {
                kept.add(new String[] {name, value});
            }
        }
        kept.sort(BY_NAME_THEN_VALUE);
        StringBuilder query = new StringBuilder(rawQuery.length());
        for (String[] param : kept) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(param[0]).append(param[1]);
        }
        return query.toString();
    }

    private boolean isIgnored(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (ignoredExact.contains(lower)) {
            return true;
        }
        for (String prefix : ignoredPrefixes) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
