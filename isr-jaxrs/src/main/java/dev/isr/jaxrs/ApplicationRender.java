package dev.isr.jaxrs;

import dev.isr.core.CacheStatistics;
import dev.isr.core.CacheStatus;
import dev.isr.core.CachedResponse;
import dev.isr.core.Header;
import dev.isr.core.Lookup;
import dev.isr.core.ResponseCache;
import dev.isr.core.SurrogateControl;
import dev.isr.core.Validators;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the application for a forwarded request. A request whose response may be stored is shown in canonical form
 * ({@link CanonicalRequest}) and its Servlet response watched for per-visitor signs ({@link VisitorTracker}). A render
 * that throws or sends a server error is answered with a stale entry within its {@code stale-if-error} window, if
 * nothing was sent yet ({@link ServerErrorHold}, {@link FailedRenders}).
 */
final class ApplicationRender {

    private final ResponseCache cache;
    private final CacheStatistics statistics;
    private final FailedRenders failedRenders;

    ApplicationRender(ResponseCache cache, CacheStatistics statistics, FailedRenders failedRenders) {
        this.cache = cache;
        this.statistics = statistics;
        this.failedRenders = failedRenders;
    }

    /**
     * Renders, then runs {@code done} once the response is complete: at once for a synchronous render, when the
     * asynchronous processing ends for one that went async (a JAX-RS resource returning a {@code CompletionStage},
     * say), so that collapsed requests wait for the real response, not for the thread that started it.
     */
    void renderThen(
            Lookup.Forward forward,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            Runnable done)
            throws IOException, ServletException {
        boolean async = false;
        try {
            render(forward, request, response, chain);
            async = request.isAsyncStarted();
            if (async) {
                request.getAsyncContext().addListener(new WhenComplete(done));
            }
        } finally {
            if (!async) {
                done.run();
            }
        }
    }

    /** Runs the application once for {@code forward}, in the request's thread. */
    void render(Lookup.Forward forward, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(FrontDoorFilter.LOOKUP_ATTRIBUTE, forward);
        HttpServletRequest shown = request;
        HttpServletResponse watched = response;
        if (forward.key() != null && forward.reason() != CacheStatus.Forward.METHOD) {
            shown = new CanonicalRequest(request, forward.key(), shownBesides(forward, request));
            watched = new VisitorTracker(request, response);
        }
        CachedResponse stale = forward.staleIfError();
        ServerErrorHold hold = stale == null ? null : new ServerErrorHold(watched);
        long start = System.nanoTime();
        try {
            chain.doFilter(shown, hold == null ? watched : hold);
            statistics.renderTook(System.nanoTime() - start);
        } catch (IOException | ServletException | RuntimeException e) {
            if (stale == null || (response.isCommitted() && !FailedRenders.answeredByCapture(request))) {
                throw e;
            }
            failedRenders.answer(forward.key(), stale, request, response, e);
            return;
        }
        if (stale != null
                && (hold.heldStatus() != 0
                        || FailedRenders.answeredByCapture(request) && response.getStatus() != stale.status())) {
            // a server error sent through the Servlet API, or a stale answer the JAX-RS runtime lost (Jersey, HEAD)
            failedRenders.answer(forward.key(), stale, request, response, null);
            return;
        }
        if (forward.reason() == CacheStatus.Forward.METHOD && !request.isAsyncStarted()) {
            // an asynchronous response's status is not known yet: the JAX-RS capture filter invalidates then
            UnsafeMethods.invalidateAfter(
                    request.getMethod(),
                    response.getStatus(),
                    forward.target(),
                    name -> List.copyOf(response.getHeaders(name)),
                    cache);
        }
    }

    /**
     * The fields a render is shown besides the request's own: this surrogate's capability, after those of surrogates
     * in front of it (Edge Architecture 1.0), and the validators of a stale entry it revalidates.
     */
    private static List<Header> shownBesides(Lookup.Forward forward, HttpServletRequest request) {
        String capabilities = request.getHeader(SurrogateControl.CAPABILITY_FIELD);
        List<Header> fields = new ArrayList<>(
                forward.validating() == null ? List.of() : Validators.askingWhetherChanged(forward.validating()));
        fields.add(new Header(
                SurrogateControl.CAPABILITY_FIELD,
                capabilities == null
                        ? SurrogateControl.capability()
                        : capabilities + ", " + SurrogateControl.capability()));
        return fields;
    }
}
