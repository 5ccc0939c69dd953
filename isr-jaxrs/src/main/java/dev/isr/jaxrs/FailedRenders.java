package dev.isr.jaxrs;

import dev.isr.core.CacheKey;
import dev.isr.core.CachedResponse;
import dev.isr.core.FrontDoor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/**
 * Answers a render that failed with the stale entry within its {@code stale-if-error} window, whichever way the
 * failure reached the front door. RESTEasy (WildFly) rethrows an exception no mapper handles at once. Jersey (Payara)
 * maps it to a 500 that passes the capture filter, which answers with the stale entry, then sends a 500 error
 * ({@link ServerErrorHold} holds it back) and rethrows the exception, and the container answers its own 500 over any
 * response not sent yet; for HEAD the stale answer is lost on the way.
 */
final class FailedRenders {

    private final FrontDoor frontDoor;
    private final Clock clock;

    FailedRenders(FrontDoor frontDoor, Clock clock) {
        this.frontDoor = frontDoor;
        this.clock = clock;
    }

    /** Whether the JAX-RS capture filter answered the render's error with the stale entry already. */
    static boolean answeredByCapture(HttpServletRequest request) {
        return request.getAttribute(ResponseCapture.ANSWERED_STALE_ATTRIBUTE) != null;
    }

    /**
     * Answers the failed render of {@code key} ({@code failure}, or null for a server error it sent) with
     * {@code stale} unless that answer is written already, and commits it, so that no error page replaces it. Counted
     * as a stale hit once, where it was decided.
     */
    void answer(
            CacheKey key,
            CachedResponse stale,
            HttpServletRequest request,
            HttpServletResponse response,
            Exception failure)
            throws IOException {
        boolean answered = answeredByCapture(request);
        if (!answered) {
            FrontDoorLog.staleAnswersFailedRender(key, failure);
        }
        if (!response.isCommitted()) {
            response.reset();
            Instant now = clock.instant();
            boolean withBody = !"HEAD".equals(request.getMethod());
            CachedResponses.write(
                    answered
                            ? frontDoor.staleIfErrorAnswer(stale, now, withBody)
                            : frontDoor.serveStaleIfError(stale, now, withBody),
                    response);
        }
        response.flushBuffer();
    }
}
