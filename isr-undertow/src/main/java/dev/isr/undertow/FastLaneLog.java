package dev.isr.undertow;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** The fast lane's messages ({@code ISR0207}). */
final class FastLaneLog {

    private static final Logger LOG = System.getLogger("dev.isr.undertow");

    private FastLaneLog() {}

    static void offForSecuredDeployment(String deployment) {
        LOG.log(
                Level.INFO,
                "ISR0207: {0}: the fast lane is off, the deployment declares security constraints or a login; hits"
                        + " are answered by the Servlet filter",
                deployment);
    }
}
