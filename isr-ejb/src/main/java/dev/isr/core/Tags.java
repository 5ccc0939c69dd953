package dev.isr.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Cache tags of a response: the union of {@code Isr-Cache-Tag} and {@code Cache-Tag} (comma-separated) and
 * {@code Surrogate-Key} (space-separated), validated.
 *
 * <p>A tag is 1 to {@value #MAX_LENGTH} visible ASCII characters other than {@code , " \}; a response keeps at most
 * {@value #MAX_PER_RESPONSE} tags. Offending tags are dropped and reported, so that the caller can log them; the
 * response is still stored with the valid ones.
 */
public final class Tags {

    public static final int MAX_LENGTH = 128;
    public static final int MAX_PER_RESPONSE = 64;

    private Tags() {}

    /**
     * @param accepted the valid tags, in first-seen order, without duplicates
     * @param rejected the dropped ones (invalid, or past the limit), for the warning
     */
    public record Parsed(List<String> accepted, List<String> rejected) {
        public Parsed {
            accepted = List.copyOf(accepted);
            rejected = List.copyOf(rejected);
        }
    }

    public static Parsed of(HeaderLookup response) {
        Set<String> accepted = new LinkedHashSet<>();
        List<String> rejected = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        split(response.values("Isr-Cache-Tag"), ",", candidates);
        split(response.values("Cache-Tag"), ",", candidates);
        split(response.values("Surrogate-Key"), " ", candidates);
        for (String tag : candidates) {
            if (!isValid(tag)) {
                rejected.add(tag);
            } else if (accepted.size() >= MAX_PER_RESPONSE && !accepted.contains(tag)) {
                rejected.add(tag);
            } else {
                accepted.add(tag);
            }
        }
        return new Parsed(new ArrayList<>(accepted), rejected);
    }

    private static void split(List<String> fieldLines, String separator, List<String> into) {
        for (String line : fieldLines) {
            for (String part : line.split(separator)) {
                String tag = part.trim();
                if (!tag.isEmpty()) {
                    into.add(tag);
                }
            }
        }
    }

    /** Whether {@code tag} may be used in a purge or stored with a response. */
    public static boolean isValid(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == ',' || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** A tag or other client text made safe for one log line: control characters escaped, length capped. */
    public static String forLog(String text) {
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < text.length() && safe.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                safe.append(String.format("\\x%02x", (int) c));
            } else {
                safe.append(c);
            }
        }
        if (text.length() > MAX_LENGTH) {
            safe.append("...");
        }
        return safe.toString();
    }
}
