package dev.isr.revalidation;

import dev.isr.core.CacheStatistics;
import dev.isr.core.CachedResponse;
import dev.isr.core.CaptureRules;
import dev.isr.core.Header;
import dev.isr.core.IncomingRequest;
import dev.isr.core.IsrConfig;
import dev.isr.core.Leases;
import dev.isr.core.Origin;
import dev.isr.core.RecentEvents;
import dev.isr.core.RevalidationGate;
import dev.isr.core.Revalidator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Revalidates stale entries in the background: re-requests the page from this node over HTTP with
 * {@code Isr-Revalidate}, so that it renders through the application's own filters and the capture filter stores the
 * result, replacing the stale entry in one step. Until then the stale entry is served.
 *
 * <p>At most one revalidation per key runs in the whole cluster: a node first takes the key's revalidation lease
 * ({@link Leases}). A failure (a status outside 200, 301, 302, 307, 308, 404, 410, a timeout, a network error) keeps
 * the stale entry, is logged with the key and the reason, counted, and backs the key off for
 * {@code isr.revalidation.retry-after} on every node (the lease is held that long). The request is sent asynchronously
 * (no thread waits on the origin) by a client that runs on the container's {@link ManagedExecutorService};
 * {@link #revalidate} returns at once and never throws.
 */
@ApplicationScoped
public class HttpRevalidator implements Revalidator {

    private static final Logger LOG = System.getLogger(HttpRevalidator.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    IsrConfig config;

    @Inject
    RevalidationGate gate;

    @Inject
    RevalidationSecret secret;

    @Inject
    OriginResolver origin;

    @Inject
    CacheStatistics statistics;

    @Inject
    Clock clock;

    @Inject
    Leases leases;

    @Inject
    RecentEvents events;

    private HttpClient client;

    @PostConstruct
    void init() {
        // HTTP/1.1: one connection per revalidation, so that giving one up never touches another (no h2c upgrade)
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .connectTimeout(config.revalidationTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void revalidate(CachedResponse stale) {
        String key = stale.key().value();
        if (stale.key().origin().isEmpty()) {
            // stored before origins were keyed: no request selects it any more, it only waits to expire
            LOG.log(Level.DEBUG, "{0}: entry of no origin, not revalidated", key);
            return;
        }
        if (!gate.tryStart(key, clock.instant())) {
            return;
        }
        if (!leases.tryAcquire(leaseKey(key), leaseLifespan())) {
            gate.succeeded(key); // another node revalidates it: nothing to do here, and nothing to back off from
            return;
        }
        start(stale);
    }

    @Override
    public boolean underway(CachedResponse stale, Instant now) {
        return gate.refuses(stale.key().value(), now);
    }

    private static String leaseKey(String key) {
        return "revalidate " + key;
    }

    private Duration leaseLifespan() {
        return config.revalidationTimeout().plusSeconds(5);
    }

    /**
     * Revalidates {@code entry} now, even if its key is backing off after a failure (an operator asked for it); at most
     * one revalidation per key still runs at a time.
     *
     * @return completes when this revalidation ends, or at once if one was already running; never exceptionally
     */
    public CompletableFuture<Void> revalidateEagerly(CachedResponse entry) {
        String key = entry.key().value();
        if (entry.key().origin().isEmpty()) {
            RevalidationLog.entryOfNoOrigin(key);
            return CompletableFuture.completedFuture(null);
        }
        if (!gate.tryStartIgnoringBackOff(key)) {
            return CompletableFuture.completedFuture(null);
        }
        leases.hold(leaseKey(key), leaseLifespan()); // an operator's request wins over a back-off elsewhere
        return start(entry);
    }

    /**
     * Sends the revalidation request without waiting for it: no thread is held while the origin renders. The client
     * runs its own work on the same executor, so a thread blocked in {@code send} for each revalidation would starve
     * it: with as many hanging revalidations as the executor has threads, no response and not even the timeout could
     * ever be delivered (found with an origin that hangs, OriginFaultIT).
     */
    private CompletableFuture<Void> start(CachedResponse entry) {
        String key = entry.key().value();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            CompletableFuture<HttpResponse<Void>> exchange =
                    client.sendAsync(request(entry), HttpResponse.BodyHandlers.discarding());
            // the request's timeout ends with the response's header fields: a body that never ends must time out too
            exchange.copy()
                    .orTimeout(config.revalidationTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((response, error) -> onExecutor(
                            () -> {
                                finish(key, response, error);
                                if (error instanceof TimeoutException) {
                                    exchange.cancel(true); // gives the connection up, after the slot is free
                                }
                            },
                            done));
        } catch (RuntimeException e) { // a request the client refuses at once
            onExecutor(() -> fail(key, e.toString()), done);
        }
        return done;
    }

    /**
     * Runs an outcome on the executor (the client completes on its selector thread, which must not wait for the
     * cluster's lease), or here if the executor refuses it: the gate's slot is freed whatever happens.
     */
    private void onExecutor(Runnable outcome, CompletableFuture<Void> done) {
        Runnable completing = () -> {
            try {
                outcome.run();
            } finally {
                done.complete(null);
            }
        };
        try {
            executor.execute(completing);
        } catch (RejectedExecutionException e) {
            completing.run();
        }
    }

    private HttpRequest request(CachedResponse stale) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(origin.origin() + stale.key().target()))
                .timeout(config.revalidationTimeout())
                .header(IncomingRequest.REVALIDATE_FIELD, secret.value())
                .GET();
        // rendered for the entry's public origin, with the forwarding fields a visitor's proxy would send
        Origin publicOrigin = Origin.parse(stale.key().origin());
        request.header(IncomingRequest.REVALIDATE_ORIGIN_FIELD, publicOrigin.value())
                .header("X-Forwarded-Proto", publicOrigin.scheme())
                .header("X-Forwarded-Host", publicOrigin.authority())
                .header("X-Forwarded-Port", Integer.toString(publicOrigin.effectivePort()));
        for (Header field : stale.replayFields()) {
            request.header(field.name(), field.value());
        }
        return request.build();
    }

    private void finish(String key, HttpResponse<Void> response, Throwable error) {
        if (error != null) {
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            fail(
                    key,
                    cause instanceof TimeoutException
                            ? "no complete response within " + config.revalidationTimeout()
                            : cause.toString());
        } else if (CaptureRules.REVALIDATION_SUCCESS.contains(response.statusCode())) {
            gate.succeeded(key);
            leases.release(leaseKey(key));
            statistics.revalidationSucceeded();
            LOG.log(Level.DEBUG, "{0}: revalidated, status {1}", key, response.statusCode());
        } else {
            fail(key, "status " + response.statusCode());
        }
    }

    private void fail(String key, String reason) {
        gate.failed(key, clock.instant());
        if (!config.retryAfter().isZero()) {
            leases.hold(leaseKey(key), config.retryAfter());
        } else {
            leases.release(leaseKey(key));
        }
        statistics.revalidationFailed();
        events.revalidationFailed(clock.instant(), key, reason);
        RevalidationLog.failed(key, reason, config.retryAfter());
    }
}
