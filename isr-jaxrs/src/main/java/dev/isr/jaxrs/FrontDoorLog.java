package dev.isr.jaxrs;

import dev.isr.core.CacheKey;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The messages of the Servlet front door, the capture filter and {@code @Isr} ({@code ISR0202}, {@code ISR0203},
 * {@code ISR0206}, {@code ISR0208}, {@code ISR0602}): one method per message, each with its own id.
 */
final class FrontDoorLog {

    private static final Logger LOG = System.getLogger("dev.isr.jaxrs");

    private FrontDoorLog() {}

    static void staleAnswersFailedRender(CacheKey key, Throwable failure) {
        LOG.log(
                Level.WARNING,
                "ISR0202: rendering " + key + " failed; answering with the stale entry (stale-if-error)",
                failure);
    }

    static void tagsDropped(CacheKey key, int maxLength, int maxPerResponse, List<String> dropped) {
        LOG.log(
                Level.WARNING,
                "ISR0203: {0}: tags dropped (1..{1} visible ASCII characters, no , \" or \\, at most {2} per"
                        + " response): {3}",
                key,
                maxLength,
                maxPerResponse,
                dropped);
    }

    static void publicOriginsNotSet() {
        LOG.log(
                Level.WARNING,
                "ISR0206: isr.public-origins is not set: every Host a client sends gets entries of its own; set the"
                        + " public origins of this application");
    }

    static void staleAnswersServerError(CacheKey key, int status) {
        LOG.log(
                Level.WARNING,
                "ISR0208: rendering {0} answered {1}; answering with the stale entry (stale-if-error)",
                key,
                status);
    }

    static void isrOutsideARequest(String method) {
        LOG.log(Level.DEBUG, "ISR0602: @Isr on {0} ignored: no request is active", method);
    }
}
