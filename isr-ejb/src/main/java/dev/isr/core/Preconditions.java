package dev.isr.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Conditional requests answered from the cache (RFC 9110 section 13, RFC 9111 section 4.3.2): whether a stored
 * response lets the cache answer {@code 304 Not Modified}.
 *
 * <p>{@code If-None-Match} wins over {@code If-Modified-Since} when both are present. Only 2xx entries take part:
 * a server ignores preconditions for other statuses (RFC 9110 section 13.2.1).
 */
public final class Preconditions {

    private Preconditions() {}

    /** True when the request's validators match the entry, so {@code 304} is the answer. */
    public static boolean notModified(CachedResponse entry, HeaderLookup request) {
        if (entry.status() < 200 || entry.status() > 299) {
            return false;
        }
        String ifNoneMatch = request.combined("If-None-Match");
        if (ifNoneMatch != null) {
            String etag = entry.header("ETag");
            return etag != null && matchesAny(ifNoneMatch, etag);
        }
        String ifModifiedSince = request.combined("If-Modified-Since");
        if (ifModifiedSince != null) {
            Instant since = parseHttpDate(ifModifiedSince);
            Instant lastModified = lastModified(entry);
            // an invalid date is ignored (RFC 9110 section 13.1.3); one-second resolution, as HTTP dates have
            return since != null && lastModified != null && !lastModified.isAfter(since);
        }
        return false;
    }

    /**
     * The byte range a {@code GET} asks of {@code entry} (RFC 9110 section 14.2), or null for the whole body: only a
     * {@code 200} is served in part, and with {@code If-Range} only if its validator is the entry's own, compared
     * strongly (section 13.1.5).
     */
    public static @Nullable ByteRange range(CachedResponse entry, HeaderLookup request) {
        String range = request.combined("Range");
        if (range == null || entry.status() != 200) {
            return null;
        }
        String ifRange = request.combined("If-Range");
        if (ifRange != null && !ifRangeMatches(ifRange.strip(), entry)) {
            return null;
        }
        return ByteRange.of(range, entry.body().length);
    }

    private static boolean ifRangeMatches(String ifRange, CachedResponse entry) {
        if (ifRange.startsWith("\"")) {
            String etag = entry.header("ETag");
            return etag != null && etag.strip().equals(ifRange); // strong: a weak tag never equals a quoted one
        }
        Instant date = parseHttpDate(ifRange);
        String lastModified = entry.header("Last-Modified");
        return date != null && lastModified != null && date.equals(parseHttpDate(lastModified));
    }

    /** Weak comparison of RFC 9110 section 8.8.3.2: {@code W/"x"} matches {@code "x"}; {@code *} matches anything. */
    static boolean matchesAny(String ifNoneMatch, String etag) {
        String current = opaque(etag.trim());
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || (!trimmed.isEmpty() && opaque(trimmed).equals(current))) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** The stored {@code Last-Modified}, else its {@code Date}, else when it was stored (RFC 9111 section 4.3.2). */
    private static Instant lastModified(CachedResponse entry) {
        Instant lastModified = parseHttpDate(entry.header("Last-Modified"));
        if (lastModified == null) {
            lastModified = parseHttpDate(entry.header("Date"));
        }
        return lastModified != null ? lastModified : entry.storedAt();
    }

    static Instant parseHttpDate(String value) {
        return HttpDate.parse(value);
    }
}
