package dev.isr.undertow;

import dev.isr.core.FrontDoor;
import dev.isr.core.IncomingRequest;
import dev.isr.core.Lookup;
import dev.isr.core.Origin;
import dev.isr.core.VisitorSignals;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers fresh hits, stale hits within {@code stale-while-revalidate}, their {@code HEAD} and their {@code 304}
 * before servlet dispatch: no servlet request, no filter chain, no CDI request context. Everything else (misses,
 * bypasses, renders, revalidations, the admin API) goes on to the deployment unchanged, where the Servlet filter of
 * {@code isr-jaxrs} is the front door. Both ask the same {@link FrontDoor}: the filter publishes its instance in the
 * servlet context when it starts; until then every request goes on.
 *
 * <p>Requests reach this handler on an I/O thread. A fresh hit this node holds in memory is answered there. A stale
 * hit is asked again on a worker, where its revalidation may start. Every other request goes on to servlet dispatch
 * on a worker, where the Servlet filter looks it up in full (the file store and other nodes included): a request is
 * read from the store once at most on its way to a render.
 */
final class FastLane implements HttpHandler {

    private final HttpHandler next;
    private final ServletContext servletContext;
    private final ClassLoader deploymentClassLoader;
    private volatile FrontDoor frontDoor;
    /** Written before {@link #frontDoor}, read after it. */
    private volatile Clock clock = Clock.systemUTC();

    private volatile String sessionCookie;

    FastLane(HttpHandler next, ServletContext servletContext, ClassLoader deploymentClassLoader) {
        this.next = next;
        this.servletContext = servletContext;
        this.deploymentClassLoader = deploymentClassLoader;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        FrontDoor door = frontDoor();
        if (door == null
                || !exchange.getRequestMethod().equals(Methods.GET)
                        && !exchange.getRequestMethod().equals(Methods.HEAD)
                || exchange.isHostIncludedInRequestURI()) {
            next.handleRequest(exchange);
            return;
        }
        long start = System.nanoTime();
        IncomingRequest request = incoming(exchange);
        if (!exchange.isInIoThread()) {
            Optional<Lookup.Serve> answer = inDeployment(() -> door.answerFromStore(request, clock.instant()));
            if (answer.isPresent()) {
                ExchangeAnswers.write(answer.get(), exchange);
                door.answered(System.nanoTime() - start);
            } else {
                next.handleRequest(exchange);
            }
            return;
        }
        FrontDoor.EarlyAnswer early = inDeployment(() -> door.answerWithoutBlocking(request, clock.instant()));
        if (early.serve() != null) {
            ExchangeAnswers.write(early.serve(), exchange);
            door.answered(System.nanoTime() - start);
        } else if (early.askFromWorker()) {
            exchange.dispatch(this); // here again on a worker, where a stale hit may start its revalidation
        } else {
            exchange.dispatch(next); // servlet dispatch, on a worker: the Servlet filter looks it up, store included
        }
    }

    private IncomingRequest incoming(HttpServerExchange exchange) {
        String query = exchange.getQueryString();
        ExchangeHeaders headers = new ExchangeHeaders(exchange.getRequestHeaders());
        return new IncomingRequest(
                exchange.getRequestMethod().toString(),
                Origin.ofRequest(exchange.getRequestScheme(), headers.combined("Host")),
                exchange.getRequestURI(),
                query.isEmpty() ? null : query,
                headers,
                headers.hasCookie(sessionCookie()));
    }

    /** Runs {@code decision} with the deployment's class loader as the context class loader, as servlets run. */
    private <T> T inDeployment(Supplier<T> decision) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(deploymentClassLoader);
        try {
            return decision.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The Servlet filter's front door once it has published it, with the clock it decides by (published before it),
     * both read from the servlet context once; null until then.
     */
    private FrontDoor frontDoor() {
        FrontDoor door = frontDoor;
        if (door == null && servletContext.getAttribute(FrontDoor.class.getName()) instanceof FrontDoor published) {
            clock = servletContext.getAttribute(Clock.class.getName()) instanceof Clock time ? time : Clock.systemUTC();
            frontDoor = published;
            door = published;
        }
        return door;
    }

    /**
     * The session cookie's name. A request carrying one may have an authenticated caller, which is only known after
     * servlet dispatch: it counts as having one here, so entries not shareable with credentials are left to the
     * Servlet filter.
     */
    private String sessionCookie() {
        String name = sessionCookie;
        if (name == null) {
            name = VisitorSignals.sessionCookieName(
                    servletContext.getSessionCookieConfig().getName());
            sessionCookie = name;
        }
        return name;
    }
}
