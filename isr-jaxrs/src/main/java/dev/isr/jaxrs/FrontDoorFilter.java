package dev.isr.jaxrs;

import dev.isr.core.CacheKeyFactory;
import dev.isr.core.CacheStatus;
import dev.isr.core.CachedResponse;
import dev.isr.core.FrontDoor;
import dev.isr.core.Header;
import dev.isr.core.IsrConfig;
import dev.isr.core.Lookup;
import dev.isr.store.IsrCacheContainer;
import jakarta.inject.Inject;
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
 * Answers cache hits before JAX-RS does any work, and tells the capture filter what it decided otherwise.
 *
 * <p>The decision is {@link FrontDoor}'s; this class only moves bytes. A request that is forwarded carries its
 * {@link Lookup.Forward} in the request attribute {@link #LOOKUP_ATTRIBUTE}, which JAX-RS exposes as a request
 * property to {@link ResponseCapture}.
 */
@WebFilter(filterName = "isr-front-door", urlPatterns = "/*", asyncSupported = true)
public class FrontDoorFilter extends HttpFilter {

    /** The request attribute (and JAX-RS property) carrying the {@link Lookup.Forward} of a forwarded request. */
    public static final String LOOKUP_ATTRIBUTE = "dev.isr.lookup";

    private static final long serialVersionUID = 1L;

    @Inject
    transient IsrCacheContainer container;

    @Inject
    transient IsrConfig config;

    @Inject
    transient Clock clock;

    private transient FrontDoor frontDoor;

    @Override
    public void init() {
        frontDoor = new FrontDoor(container.responseCache(), new CacheKeyFactory(config.ignoredQueryParams()),
                new CacheStatus(config.cacheName()));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Lookup lookup = frontDoor.lookup(request.getMethod(), request.getRequestURI(), request.getQueryString(),
                name -> Collections.list(request.getHeaders(name)), clock.instant());
        if (lookup instanceof Lookup.Serve serve) {
            write(serve, response);
            return;
        }
        request.setAttribute(LOOKUP_ATTRIBUTE, lookup);
        chain.doFilter(request, response);
    }

    private static void write(Lookup.Serve serve, HttpServletResponse response) throws IOException {
        CachedResponse entry = serve.entry();
        response.setStatus(entry.status());
        for (Header header : entry.headers()) {
            response.addHeader(header.name(), header.value());
        }
        response.setHeader("Age", Long.toString(serve.ageSeconds()));
        response.setHeader(ResponseCapture.CACHE_STATUS, serve.cacheStatus());
        response.setContentLength(entry.body().length);
        if (serve.withBody() && entry.body().length > 0) {
            response.getOutputStream().write(entry.body());
        }
    }
}
