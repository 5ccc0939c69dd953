package dev.isr.core;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** How the value of a {@link ConfigKey} is read from the strings of MicroProfile Config. */
public enum ConfigKind {
    STRING,
    /** A string that is never logged nor shown: {@link IsrConfig#toString()} says only whether it is set. */
    SECRET,
    INT,
    BOOLEAN,
    DOUBLE,
    DURATION,
    BYTES,
    LIST,
    INT_SET,
    MODE,
    NETWORKS;

    /** Whether MicroProfile Config is asked for a list (comma-separated, {@code \,} escapes a comma). */
    public boolean isList() {
        return this == LIST || this == INT_SET || this == NETWORKS;
    }

    /**
     * Converts what the configuration holds: {@code values} has one element for a scalar kind.
     *
     * @throws IllegalArgumentException with a message to show after the key's name
     */
    Object parse(List<String> values) {
        String value = values.isEmpty() ? "" : values.get(0);
        return switch (this) {
            case STRING, SECRET -> value;
            case INT -> parseInt(value);
            case BOOLEAN ->
                Set.of("true", "1", "yes", "y", "on").contains(value.trim().toLowerCase(Locale.ROOT));
            case DOUBLE -> parseDouble(value);
            case DURATION -> Durations.parse(value);
            case BYTES -> ByteSizes.parse(value);
            case LIST -> List.copyOf(values);
            case INT_SET -> values.stream().map(ConfigKind::parseInt).collect(Collectors.toUnmodifiableSet());
            case MODE -> ClusterSettings.Mode.parse(value);
            case NETWORKS -> ClientNetworks.parse(values);
        };
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer: '" + value + "'", e);
        }
    }

    private static double parseDouble(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + value + "'", e);
        }
    }
}
