package dev.isr.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What to purge: entries carrying any of {@code tags}, stored for any of {@code paths}, whose path starts with any of
 * {@code prefixes}, or {@code all} of them. {@code soft} marks them stale instead of removing them: they are answered
 * stale once more while one revalidation renders them again.
 *
 * <p>Made by the named constructors ({@link #of}, {@link #ofTags}, {@link #ofPaths}, {@link #everything},
 * {@link #asSoft()}), or from an admin request's members by the canonical one. Validated in the constructor: at least one
 * selector, at most {@value #MAX_ITEMS} items in all, valid tags ({@link Tags#isValid}), paths and prefixes that start
 * with {@code /} and have at most {@value #MAX_PATH_LENGTH} characters ({@link #requireValidSelectors}). A violation is
 * an {@link IllegalArgumentException} whose message can be shown to the caller.
 */
public record PurgeRequest(List<String> tags, List<String> paths, List<String> prefixes, boolean all, boolean soft) {

    public static final int MAX_ITEMS = 1000;
    public static final int MAX_PATH_LENGTH = 2048;

    public PurgeRequest {
        tags = distinct(tags, "tags");
        paths = distinct(paths, "paths");
        prefixes = distinct(prefixes, "prefixes");
        Require.argument(
                all || !tags.isEmpty() || !paths.isEmpty() || !prefixes.isEmpty(),
                "nothing to purge: give tags, paths, prefixes or \"all\": true");
        requireValidSelectors(tags, paths, prefixes);
    }

    /**
     * The checks of every purge's selectors, also for those that only carry them ({@link dev.isr.api.IsrPurge}): at
     * most {@value #MAX_ITEMS} in all, valid tags, paths and prefixes in raw form that start with {@code /}.
     *
     * @throws IllegalArgumentException naming the first invalid selector
     */
    public static void requireValidSelectors(List<String> tags, List<String> paths, List<String> prefixes) {
        int items = tags.size() + paths.size() + prefixes.size();
        Require.argument(items <= MAX_ITEMS, "at most %d tags, paths and prefixes in all: %d", MAX_ITEMS, items);
        for (String tag : tags) {
            Require.argument(
                    Tags.isValid(tag),
                    "invalid tag (1..%d visible ASCII characters, no , \" or \\): \"%s\"",
                    Tags.MAX_LENGTH,
                    Tags.forLog(tag));
        }
        requirePaths("path", paths);
        requirePaths("prefix", prefixes);
    }

    private static List<String> distinct(List<String> values, String name) {
        for (String value : Require.nonNull(values, name)) {
            Require.nonNull(value, "null in " + name);
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static void requirePaths(String what, List<String> values) {
        for (String value : values) {
            Require.argument(
                    value.startsWith("/") && value.length() <= MAX_PATH_LENGTH,
                    "invalid %s (must start with / and have at most %d characters): \"%s\"",
                    what,
                    MAX_PATH_LENGTH,
                    Tags.forLog(value));
            Require.argument(
                    value.chars().allMatch(c -> c > 0x20 && c < 0x7f),
                    "invalid %s (raw, percent-encoded form expected): \"%s\"",
                    what,
                    Tags.forLog(value));
        }
    }

    /** Removes what carries any of {@code tags} or is stored for any of {@code paths}. */
    public static PurgeRequest of(List<String> tags, List<String> paths) {
        return new PurgeRequest(tags, paths, List.of(), false, false);
    }

    /** Removes what carries any of {@code tags}. */
    public static PurgeRequest ofTags(List<String> tags) {
        return of(tags, List.of());
    }

    /** Removes what is stored for any of {@code paths}, all queries and variants. */
    public static PurgeRequest ofPaths(List<String> paths) {
        return of(List.of(), paths);
    }

    /** Removes every entry. */
    public static PurgeRequest everything() {
        return new PurgeRequest(List.of(), List.of(), List.of(), true, false);
    }

    /** The same selection, marked stale instead of removed. */
    public PurgeRequest asSoft() {
        return new PurgeRequest(tags, paths, prefixes, all, true);
    }

    /** A short description for the purge log line; client text is escaped. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (all) {
            parts.add("all");
        }
        if (!tags.isEmpty()) {
            parts.add("tags=" + tags.stream().map(Tags::forLog).toList());
        }
        if (!paths.isEmpty()) {
            parts.add("paths=" + paths.stream().map(Tags::forLog).toList());
        }
        if (!prefixes.isEmpty()) {
            parts.add("prefixes=" + prefixes.stream().map(Tags::forLog).toList());
        }
        return (soft ? "soft " : "") + String.join(" ", parts);
    }
}
