package dev.isr.core;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * The one form of a request path that keys, purges and the application all see, so that one resource is one entry:
 * {@code /books/%31}, {@code /books/./1}, {@code /books/1;x=1} and {@code /books/1} are the same path.
 *
 * <p>Applied in this order: matrix parameters ({@code ;name=value} in a segment) are removed; percent-encoded
 * unreserved characters (RFC 3986 section 2.3: letters, digits, {@code - . _ ~}) are decoded and the other
 * percent-encodings get upper-case hex digits (section 6.2.2.1-2); dot segments are removed (section 5.2.4). Encoded
 * reserved characters such as {@code %2F} stay encoded: they are data, not structure. The front door presents the
 * canonical path to the application, so what it renders is what the key says.
 */
public final class CanonicalPath {

    private static final String HEX = "0123456789ABCDEF";

    private CanonicalPath() {}

    /**
     * @param rawPath the raw request path ({@code getRequestURI()}), starting with {@code /}
     * @return the canonical path, or null when the path is not a valid absolute path (a bad percent-encoding, a
     *     control character, a space): such a request is never served from or stored in the cache
     */
    public static @Nullable String of(@Nullable String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return null;
        }
        if (isAlreadyCanonical(rawPath)) {
            return rawPath; // the common case, on every hit: no allocation
        }
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String segment = normalizeSegment(parts[i]);
            if (segment == null) {
                return null;
            }
            boolean last = i == parts.length - 1;
            if (segment.equals(".")) {
                if (last) {
                    segments.addLast("");
                }
            } else if (segment.equals("..")) {
                segments.pollLast();
                if (last) {
                    segments.addLast("");
                }
            } else {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }

    /** No percent sign, matrix parameter, dot segment or forbidden character: nothing to normalize. */
    private static boolean isAlreadyCanonical(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20
                    || c == 0x7f
                    || c == '%'
                    || c == ';'
                    || c == '?'
                    || c == '#'
                    || (c == '.' && path.charAt(i - 1) == '/')) {
                return false;
            }
        }
        return true;
    }

    private static String normalizeSegment(String segment) {
        int matrix = segment.indexOf(';');
        String part = matrix < 0 ? segment : segment.substring(0, matrix);
        StringBuilder out = new StringBuilder(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '?' || c == '#') {
                return null;
            }
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 2 >= part.length()) {
                return null;
            }
            int high = Character.digit(part.charAt(i + 1), 16);
            int low = Character.digit(part.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            char decoded = (char) (high * 16 + low);
            if (isUnreserved(decoded)) {
                out.append(decoded);
            } else {
                out.append('%').append(HEX.charAt(high)).append(HEX.charAt(low));
            }
            i += 2;
        }
        return out.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
