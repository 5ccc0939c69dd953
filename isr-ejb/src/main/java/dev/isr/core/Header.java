package dev.isr.core;

import java.util.Objects;

/** One header field line of a stored response, in the case the application wrote it. */
public record Header(String name, String value) {

    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
    }
}
