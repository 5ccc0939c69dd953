package dev.isr.jaxrs.admin;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** The admin API's messages ({@code ISR0404}): a refused webhook, replays at {@code INFO}, the rest at {@code DEBUG}. */
final class AdminLog {

    private static final Logger LOG = System.getLogger("dev.isr.jaxrs.admin");

    private AdminLog() {}

    static void webhookRefused(boolean replay, Object outcome, String detail) {
        LOG.log(replay ? Level.INFO : Level.DEBUG, "ISR0404: webhook refused ({0}): {1}", outcome, detail);
    }
}
