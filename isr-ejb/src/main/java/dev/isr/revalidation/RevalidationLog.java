package dev.isr.revalidation;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;

/** The messages of revalidations ({@code ISR0301}, {@code ISR0302}). */
final class RevalidationLog {

    private static final Logger LOG = System.getLogger("dev.isr.revalidation");

    private RevalidationLog() {}

    static void failed(String key, String reason, Duration retryAfter) {
        LOG.log(
                Level.WARNING,
                "ISR0301: revalidation of {0} failed ({1}); the stale entry stays, retried after {2}",
                key,
                reason,
                retryAfter);
    }

    static void entryOfNoOrigin(String key) {
        LOG.log(Level.WARNING, "ISR0302: {0}: entry of no origin (stored by an older version), not revalidated", key);
    }
}
