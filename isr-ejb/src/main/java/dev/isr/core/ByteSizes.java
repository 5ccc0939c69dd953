package dev.isr.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the byte sizes of configuration: a bare number of bytes ({@code 1048576}) or a number with a binary unit
 * ({@code 512KiB}, {@code 256MiB}, {@code 2GiB}; {@code KB}, {@code MB}, {@code GB} are read as the binary units too,
 * as Infinispan and most servers do).
 */
public final class ByteSizes {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    private ByteSizes() {}

    /** @throws IllegalArgumentException naming the value, when it is not a size or does not fit in a long */
    public static long parse(String value) {
        String trimmed = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        Matcher size = SIZE.matcher(trimmed);
        if (!size.matches()) {
            throw new IllegalArgumentException("not a byte size (1048576, 512KiB, 256MiB, 2GiB): '" + value + "'");
        }
        long amount = Long.parseLong(size.group(1));
        String unit = size.group(2) == null ? "b" : size.group(2);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        if (amount > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("byte size too large: '" + value + "'");
        }
        return amount << shift;
    }
}
