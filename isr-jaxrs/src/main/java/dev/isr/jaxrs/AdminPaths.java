package dev.isr.jaxrs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where this application's admin API is reached ({@code <JAX-RS root>/isr}), so that the front door never looks up or
 * stores anything there. Learned from the requests JAX-RS matched to the admin resource itself, which no client can
 * fake; until the first admin call nothing is known, and nothing needs to be: the capture filter never stores an
 * admin answer, so there is nothing to find.
 */
@ApplicationScoped
public class AdminPaths {

    private final Set<String> prefixes = ConcurrentHashMap.newKeySet();

    /** @param base the admin API's base path, e.g. {@code /isr} or {@code /api/isr} */
    void learn(String base) {
        String prefix = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        if (!prefix.isEmpty()) {
            prefixes.add(prefix);
        }
    }

    /** Whether {@code path} (canonical) lies under the admin API. */
    boolean covers(String path) {
        for (String prefix : prefixes) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
