package dev.isr.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Read access to a set of HTTP header fields, so the core can inspect requests and responses of any container.
 *
 * <p>Implementations match names case-insensitively and return the field lines in the order received.
 */
@FunctionalInterface
public interface HeaderLookup {

    /** All field lines of {@code name}, empty when absent; never null. */
    List<String> values(String name);

    /** The field lines of {@code name} joined with {@code ", "} (RFC 9110 section 5.3), or null when absent. */
    default @Nullable String combined(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : String.join(", ", values);
    }

    default boolean contains(String name) {
        return !values(name).isEmpty();
    }
}
