package dev.isr.core;

import org.jspecify.annotations.Nullable;

/**
 * A single byte range of a stored response (RFC 9110 section 14): what a {@code Range: bytes=...} request selects,
 * or that it selects nothing ({@link #unsatisfiable}: answered {@code 416}).
 *
 * <p>Only one range is served: a request for several is answered with the whole response, which RFC 9110 section
 * 14.2 allows (a server may ignore {@code Range}), and which saves building {@code multipart/byteranges}.
 *
 * @param first the first byte, 0-based
 * @param last the last byte, inclusive
 * @param length the length of the whole body
 */
public record ByteRange(long first, long last, long length) {

    private static final long UNSATISFIABLE = -1;

    public ByteRange {
        if (length < 0 || first != UNSATISFIABLE && (first < 0 || last < first || last >= length)) {
            throw new IllegalArgumentException("not a range of " + length + " bytes: " + first + "-" + last);
        }
    }

    /**
     * The range {@code Range} selects of a body of {@code length} bytes, or null to answer with the whole body (no
     * {@code Range}, another unit, several ranges, or a field that is not valid; RFC 9110 section 14.2).
     */
    public static @Nullable ByteRange of(@Nullable String range, long length) {
        if (range == null) {
            return null;
        }
        String spec = range.strip();
        if (!spec.regionMatches(true, 0, "bytes=", 0, 6) || spec.indexOf(',') >= 0) {
            return null;
        }
        String set = spec.substring(6).strip();
        int dash = set.indexOf('-');
        if (dash < 0) {
            return null;
        }
        long first = digits(set.substring(0, dash).strip());
        long last = digits(set.substring(dash + 1).strip());
        if (first == -2 || last == -2 || first == -1 && last == -1) {
            return null; // not digits, or "-"
        }
        if (first == -1) { // suffix: the last N bytes
            return last == 0 || length == 0
                    ? unsatisfiable(length)
                    : new ByteRange(Math.max(0, length - last), length - 1, length);
        }
        if (last != -1 && last < first) {
            return null; // invalid: ignored
        }
        if (first >= length) {
            return unsatisfiable(length);
        }
        return new ByteRange(first, last == -1 ? length - 1 : Math.min(last, length - 1), length);
    }

    private static ByteRange unsatisfiable(long length) {
        return new ByteRange(UNSATISFIABLE, UNSATISFIABLE, length);
    }

    /** -1 for empty, -2 for anything but up to 18 digits. */
    private static long digits(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        if (text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -2;
        }
        return Long.parseLong(text);
    }

    /** No byte of the body is selected: answer {@code 416 Range Not Satisfiable}. */
    public boolean unsatisfiable() {
        return first == UNSATISFIABLE;
    }

    /** How many bytes the answer carries. */
    public long size() {
        return unsatisfiable() ? 0 : last - first + 1;
    }

    /** The {@code Content-Range} value: {@code bytes 0-99/1000}, or {@code bytes *}{@code /1000} for a 416. */
    public String contentRange() {
        return unsatisfiable() ? "bytes */" + length : "bytes " + first + "-" + last + "/" + length;
    }
}
