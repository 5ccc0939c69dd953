package dev.isr.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** The front door's messages about requests it refuses to trust ({@code ISR0201}, {@code ISR0205}); see the store's. */
final class LookupLog {

    private static final Logger LOG = System.getLogger("dev.isr.core");

    private LookupLog() {}

    static void wrongRevalidationToken(String path) {
        LOG.log(Level.WARNING, "ISR0201: {0}: Isr-Revalidate with a wrong token ignored", path);
    }

    static void revalidationForUnservedOrigin(String path, String claimed) {
        LOG.log(
                Level.WARNING,
                "ISR0205: {0}: revalidation for an origin that is not served ({1}) ignored",
                path,
                claimed);
    }
}
