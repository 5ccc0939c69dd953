package dev.isr.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Revalidation with validators (RFC 9111 section 4.3): a stale entry is not simply rendered again; the application is
 * asked whether it changed, with the entry's {@code ETag} ({@code If-None-Match}) and {@code Last-Modified}
 * ({@code If-Modified-Since}). A {@code 304 Not Modified} then refreshes the stored entry: its fields are updated from
 * the {@code 304} and its freshness starts again, and its body is kept, not sent again.
 */
public final class Validators {

    /** The request fields that make a request conditional (RFC 9110 section 13.1). */
    private static final List<String> CONDITIONAL =
            List.of("If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since", "If-Range");

    /**
     * Fields of a {@code 304} that do not update the stored response: they describe the stored body, which the 304
     * does not send ({@code Content-Length}: RFC 9111 section 3.2; the others as the conformance suite expects), and
     * the {@code ETag} the stored body was validated by.
     */
    private static final Set<String> NOT_UPDATED =
            Set.of("content-length", "content-encoding", "content-md5", "content-range", "etag");

    /**
     * How long an entry with validators of the application's own is kept after it may no longer be served: a
     * {@code 304} can bring it back for the cost of a conditional request instead of a render.
     */
    public static final Duration KEPT_FOR_VALIDATION = Duration.ofHours(1);

    private Validators() {}

    /**
     * The {@code ETag} the application gave {@code entry}, or null: one the module made ({@link EntityTags}) means
     * nothing to the application, so asking with it would only make it render again.
     */
    static String ownETag(CachedResponse entry) {
        String etag = entry.header("ETag");
        return etag == null || etag.equals(EntityTags.strong(entry.status(), entry.body())) ? null : etag;
    }

    /** Whether {@code entry} has validators the application can answer {@code 304} to. */
    public static boolean canBeValidated(CachedResponse entry) {
        return !askingWhetherChanged(entry).isEmpty();
    }

    /** Whether {@code request} carries a precondition of its own: then it is passed on as it is. */
    public static boolean isConditional(HeaderLookup request) {
        for (String field : CONDITIONAL) {
            if (request.contains(field)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The fields that ask whether {@code entry} changed: {@code If-None-Match} with the application's {@code ETag}
     * ({@link #ownETag}) and {@code If-Modified-Since} with its {@code Last-Modified}, those it has; empty when it has
     * neither, or when it is not a {@code 200} (a {@code 304} stands for a {@code 200}'s representation).
     */
    public static List<Header> askingWhetherChanged(CachedResponse entry) {
        if (entry.status() != 200) {
            return List.of();
        }
        List<Header> fields = new ArrayList<>(2);
        String etag = ownETag(entry);
        if (etag != null) {
            fields.add(new Header("If-None-Match", etag));
        }
        String lastModified = entry.header("Last-Modified");
        if (lastModified != null && HttpDate.parse(lastModified) != null) {
            fields.add(new Header("If-Modified-Since", lastModified));
        }
        return List.copyOf(fields);
    }

    /**
     * The stored fields updated with those of a {@code 304} (RFC 9111 section 3.2): each field the 304 carries
     * replaces all stored lines of that name, in the stored order, new names last; the others are kept.
     */
    public static List<Header> updated(List<Header> stored, List<Header> notModified) {
        Map<String, List<Header>> replacing = new LinkedHashMap<>();
        for (Header field : notModified) {
            String lower = field.name().toLowerCase(Locale.ROOT);
            if (!NOT_UPDATED.contains(lower)) {
                replacing.computeIfAbsent(lower, k -> new ArrayList<>()).add(field);
            }
        }
        List<Header> result = new ArrayList<>(stored.size() + replacing.size());
        for (Header field : stored) {
            String lower = field.name().toLowerCase(Locale.ROOT);
            List<Header> replacement = replacing.remove(lower);
            if (replacement != null) {
                result.addAll(replacement);
            } else if (!replacing.containsKey(lower) && !isReplaced(lower, notModified)) {
                result.add(field);
            }
        }
        replacing.values().forEach(result::addAll);
        return List.copyOf(result);
    }

    private static boolean isReplaced(String lower, List<Header> notModified) {
        for (Header field : notModified) {
            if (field.name().equalsIgnoreCase(lower) && !NOT_UPDATED.contains(lower)) {
                return true;
            }
        }
        return false;
    }
}
