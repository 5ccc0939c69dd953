package dev.isr.purge;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** The messages of purges and eager revalidations, whatever their route ({@code ISR0401}–{@code ISR0403}). */
final class PurgeLog {

    private static final Logger LOG = System.getLogger("dev.isr.purge");

    private PurgeLog() {}

    static void purged(String route, String selection, int entries) {
        LOG.log(Level.INFO, "ISR0401: purge via {0}: {1}: {2} entries", route, selection, entries);
    }

    static void revalidationScheduled(String route, String selection, int entries) {
        LOG.log(Level.INFO, "ISR0402: revalidation via {0}: {1}: {2} entries scheduled", route, selection, entries);
    }

    static void purgeEventIgnored(String why) {
        LOG.log(Level.ERROR, "ISR0403: IsrPurge event ignored: " + why);
    }
}
