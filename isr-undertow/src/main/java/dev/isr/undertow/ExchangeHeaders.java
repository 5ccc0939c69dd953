package dev.isr.undertow;

import dev.isr.core.HeaderLookup;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.util.List;

/** The request fields of an exchange as the core reads them. */
record ExchangeHeaders(HeaderMap fields) implements HeaderLookup {

    @Override
    public List<String> values(String name) {
        HeaderValues values = fields.get(HeaderNames.of(name));
        return values == null ? List.of() : values;
    }

    /**
     * Whether a {@code Cookie} field has the cookie {@code name} with a value (RFC 6265, section 5.4:
     * {@code name=value; ...}); names are case-sensitive.
     */
    boolean hasCookie(String name) {
        HeaderValues cookies = fields.get(Headers.COOKIE);
        if (cookies == null) {
            return false;
        }
        for (String field : cookies) {
            for (String pair : field.split(";")) {
                String trimmed = pair.strip();
                if (trimmed.startsWith(name)
                        && trimmed.length() > name.length() + 1
                        && trimmed.charAt(name.length()) == '=') {
                    return true;
                }
            }
        }
        return false;
    }
}
