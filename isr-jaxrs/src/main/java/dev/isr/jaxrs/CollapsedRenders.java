package dev.isr.jaxrs;

import dev.isr.core.FrontDoor;
import dev.isr.core.HeaderLookup;
import dev.isr.core.Leases;
import dev.isr.core.Lookup;
import dev.isr.core.RenderCollapser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One render per key at a time, on this node ({@link RenderCollapser}) and across the cluster ({@link Leases}): the
 * other requests for the key wait for that render, at most {@code isr.collapse.timeout}, and are answered with what
 * it stored, or render themselves if it stored nothing they may share. They wait without a thread ({@link
 * CollapsedWait}) unless a filter or servlet of the application does not support asynchronous processing; then they
 * hold their thread while they wait.
 */
final class CollapsedRenders {

    private static final System.Logger LOG = System.getLogger(CollapsedRenders.class.getName());

    private final FrontDoor frontDoor;
    private final RenderCollapser collapser;
    private final Leases leases;
    private final ApplicationRender application;
    private final Duration timeout;
    private final Clock clock;

    CollapsedRenders(
            FrontDoor frontDoor,
            RenderCollapser collapser,
            Leases leases,
            ApplicationRender application,
            Duration timeout,
            Clock clock) {
        this.frontDoor = frontDoor;
        this.collapser = collapser;
        this.leases = leases;
        this.application = application;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Renders {@code forward}, a collapsible one, or waits for the render of its key that is under way. */
    void render(
            Lookup.Forward forward,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            HeaderLookup headers)
            throws IOException, ServletException {
        boolean withBody = !"HEAD".equals(request.getMethod());
        RenderCollapser.Render render = collapser.join(forward.key().value());
        if (!(render instanceof RenderCollapser.Follower follower)) {
            renderOncePerCluster(forward, request, response, chain, headers, withBody, render::close);
            return;
        }
        // another request on this node renders (or waits for another node): wait for it, then look again
        CollapsedWait.Answer answer = out -> serveCollapsed(forward, headers, withBody, out);
        if (CollapsedWait.start(
                        request,
                        response,
                        follower.finished(),
                        timeout,
                        answer,
                        new CollapsedWait.Resume(forward, () -> {}))
                || awaitLeader(follower, forward) && serveCollapsed(forward, headers, withBody, response)) {
            return;
        }
        application.render(forward, request, response, chain);
    }

    /**
     * This node's leader for the key: take the cluster-wide lease and render, or, if another node holds it, wait for
     * its render (at most {@code isr.collapse.timeout}) and answer with what it stored. A lease whose node died
     * expires after the collapse timeout, and then this node renders. {@code releaseLocal} releases this node's
     * followers once the response is complete.
     */
    private void renderOncePerCluster(
            Lookup.Forward forward,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            HeaderLookup headers,
            boolean withBody,
            Runnable releaseLocal)
            throws IOException, ServletException {
        String lease = "render " + forward.key().value();
        CollapsedWait.Answer answer = out -> serveCollapsed(forward, headers, withBody, out);
        if (leases.tryAcquire(lease, timeout)) {
            // the cluster's leader: a render that ended between this request's look-up and its turn may answer it
            answerOrRender(answer, forward, request, response, chain, () -> {
                leases.release(lease);
                releaseLocal.run();
            });
            return;
        }
        if (CollapsedWait.start(
                request,
                response,
                leases.whenReleased(lease),
                timeout,
                answer,
                new CollapsedWait.Resume(forward, releaseLocal))) {
            return;
        }
        answerOrRender(
                out -> awaitRelease(lease) && answer.answer(out), forward, request, response, chain, releaseLocal);
    }

    /**
     * Answers with what another render stored if {@code answer} can, else renders; {@code release} runs once the
     * response is complete, or when the answer fails.
     */
    private void answerOrRender(
            CollapsedWait.Answer answer,
            Lookup.Forward forward,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            Runnable release)
            throws IOException, ServletException {
        boolean served;
        try {
            served = answer.answer(response);
        } catch (IOException | RuntimeException e) {
            release.run();
            throw e;
        }
        if (served) {
            release.run();
            return;
        }
        application.renderThen(forward, request, response, chain, release);
    }

    private boolean serveCollapsed(
            Lookup.Forward forward, HeaderLookup headers, boolean withBody, HttpServletResponse response)
            throws IOException {
        Optional<Lookup.Serve> shared = frontDoor.collapsedOnto(forward, headers, clock.instant(), withBody);
        if (shared.isPresent()) {
            CachedResponses.write(shared.get(), response);
            return true;
        }
        return false;
    }

    private boolean awaitRelease(String lease) {
        try {
            leases.whenReleased(lease).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: still held after {1}, rendering", lease, timeout);
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean awaitLeader(RenderCollapser.Follower follower, Lookup.Forward forward) {
        try {
            boolean done = follower.await(timeout);
            if (!done) {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "{0}: collapsed render still running after {1}, rendering",
                        forward.key(),
                        timeout);
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
