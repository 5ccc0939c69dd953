package dev.isr.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What to purge: entries carrying any of {@code tags}, stored for any of {@code paths}, whose path starts with any of
 * {@code prefixes}, or {@code all} of them. {@code soft} marks them stale instead of removing them: they are answered
 * stale once more while one revalidation renders them again.
 *
 * <p>Validated in the constructor: at least one selector, at most {@value #MAX_ITEMS} items in all, valid tags
 * ({@link Tags#isValid}), paths and prefixes that start with {@code /} and have at most {@value #MAX_PATH_LENGTH}
 * characters. A violation is an {@link IllegalArgumentException} whose message can be shown to the caller.
 */
public record PurgeRequest(List<String> tags, List<String> paths, List<String> prefixes, boolean all, boolean soft) {

    public static final int MAX_ITEMS = 1000;
    public static final int MAX_PATH_LENGTH = 2048;

    public PurgeRequest {
        tags = distinct(Objects.requireNonNull(tags, "tags"));
        paths = distinct(Objects.requireNonNull(paths, "paths"));
        prefixes = distinct(Objects.requireNonNull(prefixes, "prefixes"));
        int items = tags.size() + paths.size() + prefixes.size();
        if (!all && items == 0) {
            throw new IllegalArgumentException("nothing to purge: give tags, paths, prefixes or \"all\": true");
        }
        if (items > MAX_ITEMS) {
            throw new IllegalArgumentException("at most " + MAX_ITEMS + " tags, paths and prefixes in all: " + items);
        }
        for (String tag : tags) {
            if (!Tags.isValid(tag)) {
                throw new IllegalArgumentException("invalid tag (1.." + Tags.MAX_LENGTH
                        + " visible ASCII characters, no , \" or \\): \"" + Tags.forLog(tag) + "\"");
            }
        }
        requirePaths("path", paths);
        requirePaths("prefix", prefixes);
    }

    private static List<String> distinct(List<String> values) {
        for (String value : values) {
            Objects.requireNonNull(value, "null in a list");
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static void requirePaths(String what, List<String> values) {
        for (String value : values) {
            if (!value.startsWith("/") || value.length() > MAX_PATH_LENGTH) {
                throw new IllegalArgumentException("invalid " + what + " (must start with / and have at most "
                        + MAX_PATH_LENGTH + " characters): \"" + Tags.forLog(value) + "\"");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c <= 0x20 || c >= 0x7f) {
                    throw new IllegalArgumentException("invalid " + what + " (raw, percent-encoded form expected): \""
                            + Tags.forLog(value) + "\"");
                }
            }
        }
    }

    public static PurgeRequest ofTags(List<String> tags) {
        return new PurgeRequest(tags, List.of(), List.of(), false, false);
    }

    public static PurgeRequest ofPaths(List<String> paths) {
        return new PurgeRequest(List.of(), paths, List.of(), false, false);
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
