package dev.isr.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads one cookie from {@code Cookie} field lines (RFC 6265 section 5.4: {@code name=value; name=value}). */
final class RequestCookies {

    private RequestCookies() {}

    /** The value of the first cookie named {@code name}, or null. */
    static @Nullable String value(List<String> cookieFields, String name) {
        for (String field : cookieFields) {
            for (String pair : field.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return pair.substring(eq + 1).trim();
                }
            }
        }
        return null;
    }
}
