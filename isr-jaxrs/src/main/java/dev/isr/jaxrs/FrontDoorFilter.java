package dev.isr.jaxrs;

import dev.isr.core.CacheKeyFactory;
import dev.isr.core.CacheStatistics;
import dev.isr.core.CacheStatus;
import dev.isr.core.CachedResponse;
import dev.isr.core.CanonicalPath;
import dev.isr.core.FrontDoor;
import dev.isr.core.Header;
import dev.isr.core.HeaderLookup;
import dev.isr.core.IncomingRequest;
import dev.isr.core.IsrConfig;
import dev.isr.core.Leases;
import dev.isr.core.Lookup;
import dev.isr.core.Origin;
import dev.isr.core.PassMemory;
import dev.isr.core.PublicOrigins;
import dev.isr.core.RenderCollapser;
import dev.isr.core.ResponseCache;
import dev.isr.core.SurrogateControl;
import dev.isr.core.Validators;
import dev.isr.revalidation.HttpRevalidator;
import dev.isr.revalidation.RevalidationSecret;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers cache hits before JAX-RS does any work, collapses concurrent renders of one key, and tells the capture
 * filter what it decided otherwise.
 *
 * <p>Requests that wait for another request's render (collapsing), at most {@code isr.collapse.timeout}, wait
 * without a thread ({@link CollapsedWait}) unless a filter or servlet of the application does not support
 * asynchronous processing; then they hold their thread while they wait, as before.
 *
 * <p>The decisions are {@link FrontDoor}'s; this class moves bytes and threads. A forwarded request carries its
 * {@link Lookup.Forward} in the request attribute {@link #LOOKUP_ATTRIBUTE}, which JAX-RS exposes as a request
 * property to {@link ResponseCapture}. When a render throws and a stale entry within its {@code stale-if-error}
 * window exists, that entry answers instead of the error (if nothing was sent yet: {@link FailedRenders}).
 */
@WebFilter(
        filterName = "isr-front-door",
        urlPatterns = "/*",
        asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class FrontDoorFilter extends HttpFilter {

    /** The request attribute (and JAX-RS property) carrying the {@link Lookup.Forward} of a forwarded request. */
    public static final String LOOKUP_ATTRIBUTE = "dev.isr.lookup";

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(FrontDoorFilter.class.getName());

    @Inject
    transient ResponseCache cache;

    @Inject
    transient CacheKeyFactory keys;

    @Inject
    transient CacheStatus cacheStatus;

    @Inject
    transient CacheStatistics statistics;

    @Inject
    transient RenderCollapser collapser;

    @Inject
    transient Leases leases;

    @Inject
    transient HttpRevalidator revalidator;

    @Inject
    transient RevalidationSecret secret;

    @Inject
    transient IsrConfig config;

    @Inject
    transient PassMemory passes;

    @Inject
    transient AdminPaths adminPaths;

    @Inject
    transient Clock clock;

    private transient FrontDoor frontDoor;

    private transient FailedRenders failedRenders;

    @Override
    public void init() {
        PublicOrigins origins = new PublicOrigins(config.publicOrigins());
        if (!origins.restricted()) {
            FrontDoorLog.publicOriginsNotSet();
        }
        frontDoor = new FrontDoor(cache, keys, cacheStatus, revalidator, secret::matches, statistics, origins, passes);
        failedRenders = new FailedRenders(frontDoor, clock);
        // for a front door before servlet dispatch that answers hits with the same decisions (isr-undertow); the
        // clock first: that front door reads it once it sees this one
        getServletContext().setAttribute(Clock.class.getName(), clock);
        getServletContext().setAttribute(FrontDoor.class.getName(), frontDoor);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            CollapsedWait.Resume resume = CollapsedWait.resumed(request);
            if (resume == null) {
                chain.doFilter(request, response); // the application's own asynchronous dispatch
            } else {
                renderThen(resume.forward(), request, response, chain, resume.then()); // its wait did not answer it
            }
            return;
        }
        String canonical = CanonicalPath.of(request.getRequestURI());
        if (canonical != null && adminPaths.covers(canonical)) {
            chain.doFilter(request, response); // the admin API: never looked up, never stored
            return;
        }
        long start = System.nanoTime();
        HeaderLookup headers = name -> Collections.list(request.getHeaders(name));
        Origin requestOrigin = Origin.ofRequest(request.getScheme(), request.getHeader("Host"));
        Lookup lookup = frontDoor.lookup(
                new IncomingRequest(
                        request.getMethod(),
                        requestOrigin,
                        request.getRequestURI(),
                        request.getQueryString(),
                        headers,
                        request.getUserPrincipal() != null),
                clock.instant());
        if (lookup instanceof Lookup.Serve serve) {
            CachedResponses.write(serve, response);
            statistics.hitTook(System.nanoTime() - start);
            return;
        }
        Lookup.Forward forward = (Lookup.Forward) lookup;
        if (!forward.collapsible()) {
            render(forward, request, response, chain);
            return;
        }
        boolean withBody = !"HEAD".equals(request.getMethod());
        RenderCollapser.Render render = collapser.join(forward.key().value());
        if (render instanceof RenderCollapser.Follower follower) {
            // another request on this node renders (or waits for another node): wait for it, then look again
            CollapsedWait.Answer answer = out -> serveCollapsed(forward, headers, withBody, out);
            if (CollapsedWait.start(
                            request,
                            response,
                            follower.finished(),
                            config.collapseTimeout(),
                            answer,
                            new CollapsedWait.Resume(forward, () -> {}))
                    || awaitLeader(follower, forward) && serveCollapsed(forward, headers, withBody, response)) {
                return;
            }
            render(forward, request, response, chain);
            return;
        }
        renderOncePerCluster(forward, request, response, chain, headers, withBody, render::close);
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
        if (leases.tryAcquire(lease, config.collapseTimeout())) {
            renderThen(forward, request, response, chain, () -> {
                leases.release(lease);
                releaseLocal.run();
            });
            return;
        }
        CollapsedWait.Answer answer = out -> serveCollapsed(forward, headers, withBody, out);
        if (CollapsedWait.start(
                request,
                response,
                leases.whenReleased(lease),
                config.collapseTimeout(),
                answer,
                new CollapsedWait.Resume(forward, releaseLocal))) {
            return;
        }
        boolean served;
        try {
            served = awaitRelease(lease) && serveCollapsed(forward, headers, withBody, response);
        } catch (IOException | RuntimeException e) {
            releaseLocal.run();
            throw e;
        }
        if (served) {
            releaseLocal.run();
            return;
        }
        renderThen(forward, request, response, chain, releaseLocal);
    }

    /**
     * Renders, then runs {@code done} once the response is complete: at once for a synchronous render, when the
     * asynchronous processing ends for one that went async (a JAX-RS resource returning a {@code CompletionStage},
     * say), so that collapsed requests wait for the real response, not for the thread that started it.
     */
    private void renderThen(
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
            leases.whenReleased(lease).get(config.collapseTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: still held after {1}, rendering", lease, config.collapseTimeout());
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
            boolean done = follower.await(config.collapseTimeout());
            if (!done) {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "{0}: collapsed render still running after {1}, rendering",
                        forward.key(),
                        config.collapseTimeout());
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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

    /**
     * Runs the application. A request whose response may be stored is shown in canonical form ({@link
     * CanonicalRequest}) and its Servlet response watched for per-visitor signs ({@link VisitorTracker}). A render
     * that throws or sends a server error is answered with a stale entry within its {@code stale-if-error} window, if
     * nothing was sent yet ({@link ServerErrorHold}).
     */
    private void render(
            Lookup.Forward forward, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(LOOKUP_ATTRIBUTE, forward);
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
}
