package dev.isr.jaxrs;

import dev.isr.core.ResponseCache;
import java.util.Set;

/**
 * Invalidation by unsafe methods (RFC 9111 section 4.4): a successful {@code POST}, {@code PUT}, {@code PATCH} or
 * {@code DELETE} removes every stored entry of its path, so that the next read sees the change.
 */
final class UnsafeMethods {

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final System.Logger LOG = System.getLogger(UnsafeMethods.class.getName());

    private UnsafeMethods() {
    }

    /** Invalidates {@code path} if {@code method} is unsafe and {@code status} a success (2xx) or redirect (3xx). */
    static void invalidateAfter(String method, int status, String path, ResponseCache cache) {
        if (UNSAFE.contains(method) && status >= 200 && status < 400) {
            int removed = cache.removePath(path);
            if (removed > 0) {
                LOG.log(System.Logger.Level.DEBUG, "{0} {1} answered {2}: {3} entries invalidated", method, path,
                        status, removed);
            }
        }
    }
}
