package dev.isr.jaxrs;

import dev.isr.core.HeaderLookup;
import dev.isr.core.Invalidation;
import dev.isr.core.RequestTarget;
import dev.isr.core.ResponseCache;

/**
 * Applies {@link Invalidation}: after a successful unsafe request, every stored entry of its path and of the
 * same-origin paths its response names in {@code Location} and {@code Content-Location} is removed, so that the next
 * read sees the change.
 */
final class UnsafeMethods {

    private static final System.Logger LOG = System.getLogger(UnsafeMethods.class.getName());

    private UnsafeMethods() {}

    static void invalidateAfter(
            String method, int status, RequestTarget target, HeaderLookup response, ResponseCache cache) {
        for (String path : Invalidation.paths(method, status, target, response)) {
            int removed = cache.removePath(path);
            if (removed > 0) {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "{0} {1} answered {2}: {3} entries of {4} invalidated",
                        method,
                        target.path(),
                        status,
                        removed,
                        path);
            }
        }
    }
}
