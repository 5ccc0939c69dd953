package dev.isr.undertow;

import io.undertow.util.HttpString;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Field names as Undertow's {@link HttpString}, made once per name rather than on every hit: a name Undertow does not
 * know (such as {@code CDN-Cache-Control}) is otherwise a new {@code HttpString} per use, and looking a field up by a
 * {@code String} hashes a fresh copy of its bytes. Names come from the module's code and from stored entries, whose
 * fields are those the capture rules kept; the map is bounded all the same, past which names are made per use.
 */
final class HeaderNames {

    private static final int MAX_NAMES = 1024;
    private static final Map<String, HttpString> NAMES = new ConcurrentHashMap<>();

    private HeaderNames() {}

    static HttpString of(String name) {
        HttpString known = NAMES.get(name);
        if (known != null) {
            return known;
        }
        HttpString made = HttpString.tryFromString(name);
        if (NAMES.size() < MAX_NAMES) {
            NAMES.putIfAbsent(name, made);
        }
        return made;
    }
}
