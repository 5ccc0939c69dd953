package dev.isr.jaxrs;

import dev.isr.core.CacheKeyFactory;
import dev.isr.core.CacheStatistics;
import dev.isr.core.CacheStatus;
import dev.isr.core.CanonicalPath;
import dev.isr.core.FrontDoor;
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
import dev.isr.core.RevalidationGate;
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
import java.util.Collections;

/**
 * Answers cache hits before JAX-RS does any work, collapses concurrent renders of one key, and tells the capture
 * filter what it decided otherwise.
 *
 * <p>The decisions are {@link FrontDoor}'s; this class moves bytes, {@link CollapsedRenders} makes requests for one
 * key wait for one render, {@link ApplicationRender} runs the application. A forwarded request carries its
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
    transient RevalidationGate gate;

    @Inject
    transient IsrConfig config;

    @Inject
    transient PassMemory passes;

    @Inject
    transient AdminPaths adminPaths;

    @Inject
    transient Clock clock;

    private transient FrontDoor frontDoor;

    private transient ApplicationRender application;

    private transient CollapsedRenders collapsed;

    @Override
    public void init() {
        PublicOrigins origins = new PublicOrigins(config.publicOrigins());
        if (!origins.restricted()) {
            FrontDoorLog.publicOriginsNotSet();
        }
        frontDoor = new FrontDoor(cache, keys, cacheStatus, revalidator, secret::matches, statistics, origins, passes);
        application = new ApplicationRender(cache, statistics, new FailedRenders(frontDoor, clock));
        collapsed = new CollapsedRenders(frontDoor, collapser, leases, application, config.collapseTimeout(), clock);
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
                application.renderThen(resume.forward(), request, response, chain, resume.then()); // not answered
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
        Lookup lookup = frontDoor.lookup(incoming(request, headers), clock.instant());
        if (lookup instanceof Lookup.Serve serve) {
            CachedResponses.write(serve, response);
            statistics.hitTook(System.nanoTime() - start);
        } else if (lookup instanceof Lookup.Forward forward && forward.collapsible()) {
            collapsed.render(forward, request, response, chain, headers);
        } else if (lookup instanceof Lookup.Forward forward && forward.revalidation() && forward.key() != null) {
            renderRevalidation(forward, request, response, chain);
        } else {
            application.render((Lookup.Forward) lookup, request, response, chain);
        }
    }

    /**
     * A revalidation's render holds its key's slot in the gate until it ends, even after the revalidator has given the
     * exchange up at its timeout: the render still takes one of this node's request threads.
     */
    private void renderRevalidation(
            Lookup.Forward forward, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String key = forward.key().value();
        boolean holdsSlot = gate.renderStarted(key);
        try {
            application.render(forward, request, response, chain);
        } finally {
            if (holdsSlot) {
                gate.renderEnded(key);
            }
        }
    }

    private static IncomingRequest incoming(HttpServletRequest request, HeaderLookup headers) {
        return new IncomingRequest(
                request.getMethod(),
                Origin.ofRequest(request.getScheme(), request.getHeader("Host")),
                request.getRequestURI(),
                request.getQueryString(),
                headers,
                request.getUserPrincipal() != null);
    }
}
