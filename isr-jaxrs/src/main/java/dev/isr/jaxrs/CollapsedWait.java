package dev.isr.jaxrs;

import dev.isr.core.Lookup;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A request that waits for another request's render without holding a thread: Servlet asynchronous processing. While
 * it waits, no worker thread is taken, so a stampede on one key cannot exhaust the server's pool. When the render it
 * waits for ends in time, the request is answered with what was stored, from a container thread; when nothing stored
 * answers it, or the wait times out, it is dispatched again ({@code ASYNC}) and renders itself there
 * ({@link #resumed}).
 */
final class CollapsedWait {

    /** The request attribute carrying the {@link Resume} of a request dispatched again after its wait. */
    static final String RESUME_ATTRIBUTE = "dev.isr.resume";

    /** The container's own limit on the asynchronous request, past the wait's: the wait always ends first. */
    private static final long CONTAINER_MARGIN_MILLIS = 10_000;

    /** What a request dispatched again does: render {@code forward}, then run {@code then}. */
    record Resume(Lookup.Forward forward, Runnable then) {}

    /** Answers the waiting request from what was stored, if that answers it. */
    @FunctionalInterface
    interface Answer {
        boolean answer(HttpServletResponse response) throws IOException;
    }

    private CollapsedWait() {}

    /**
     * Waits for {@code done}, at most {@code timeout}, without a thread, if the request can go asynchronous: then
     * {@code answer} tries to answer it and, if it did, {@code resume.then()} runs; else the request is dispatched
     * again to {@link #resumed}. Returns false, having started nothing, when the request cannot go asynchronous (a
     * filter or servlet of the application does not support it): the caller then waits holding its thread.
     */
    static boolean start(
            HttpServletRequest request,
            HttpServletResponse response,
            CompletableFuture<?> done,
            Duration timeout,
            Answer answer,
            Resume resume) {
        if (!request.isAsyncSupported() || request.isAsyncStarted()) {
            return false;
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(timeout.toMillis() + CONTAINER_MARGIN_MILLIS);
        done.copy()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync(
                        (ignored, failure) -> {
                            boolean answered = false;
                            try {
                                answered = failure == null && answer.answer((HttpServletResponse) async.getResponse());
                            } catch (IOException | RuntimeException e) {
                                answered = true; // the client is gone or the answer broke off: nothing more to send
                            } finally {
                                if (answered) {
                                    resume.then().run();
                                    async.complete();
                                } else {
                                    request.setAttribute(RESUME_ATTRIBUTE, resume);
                                    async.dispatch();
                                }
                            }
                        },
                        async::start);
        return true;
    }

    /** The {@link Resume} of a request dispatched again after its wait, removed from it; null for any other. */
    static Resume resumed(HttpServletRequest request) {
        if (request.getAttribute(RESUME_ATTRIBUTE) instanceof Resume resume) {
            request.removeAttribute(RESUME_ATTRIBUTE);
            return resume;
        }
        return null;
    }
}
