package dev.isr.revalidation;

import dev.isr.core.CacheStatistics;
import dev.isr.core.CachedResponse;
import dev.isr.core.FrontDoor;
import dev.isr.core.Header;
import dev.isr.core.IsrConfig;
import dev.isr.core.Leases;
import dev.isr.core.RevalidationGate;
import dev.isr.core.Revalidator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Revalidates stale entries in the background: re-requests the page from this node over HTTP with
 * {@code Isr-Revalidate}, so that it renders through the application's own filters and the capture filter stores the
 * result, replacing the stale entry in one step. Until then the stale entry is served.
 *
 * <p>At most one revalidation per key runs in the whole cluster: a node first takes the key's revalidation lease
 * ({@link Leases}). A failure (a status outside 200, 301, 302, 307, 308, 404, 410, a timeout, a network error) keeps
 * the stale entry, is logged with the key and the reason, counted, and backs the key off for
 * {@code isr.revalidation.retry-after} on every node (the lease is held that long). The work runs on the container's
 * {@link ManagedExecutorService}; {@link #revalidate} returns at once and never throws.
 */
@ApplicationScoped
public class HttpRevalidator implements Revalidator {

    /** Statuses that count as a successful revalidation (contract section 5). */
    public static final Set<Integer> SUCCESS = Set.of(200, 301, 302, 307, 308, 404, 410);

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

    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(config.revalidationTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void revalidate(CachedResponse stale) {
        String key = stale.key().value();
        if (origin.origin() == null) {
            // right after a start, before any request: nowhere to send it yet, which is no failure of the page
            LOG.log(Level.DEBUG, "{0}: no origin known yet, revalidation skipped", key);
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
        if (origin.origin() == null) {
            LOG.log(Level.WARNING, "ISR0302: {0}: no origin known yet (no request arrived; set isr.origin), not"
                    + " revalidated", key);
            return CompletableFuture.completedFuture(null);
        }
        if (!gate.tryStartIgnoringBackOff(key)) {
            return CompletableFuture.completedFuture(null);
        }
        leases.hold(leaseKey(key), leaseLifespan()); // an operator's request wins over a back-off elsewhere
        return start(entry);
    }

    private CompletableFuture<Void> start(CachedResponse entry) {
        try {
            return CompletableFuture.runAsync(() -> run(entry), executor);
        } catch (RejectedExecutionException e) {
            fail(entry.key().value(), "the executor refused the task: " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
    }

    private void run(CachedResponse stale) {
        String key = stale.key().value();
        String base = origin.origin();
        if (base == null) {
            fail(key, "no origin known yet (set isr.origin)");
            return;
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + stale.key().target()))
                    .timeout(config.revalidationTimeout())
                    .header(FrontDoor.REVALIDATE_FIELD, secret.value())
                    .GET();
            for (Header field : stale.replayFields()) {
                request.header(field.name(), field.value());
            }
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (SUCCESS.contains(response.statusCode())) {
                gate.succeeded(key);
                leases.release(leaseKey(key));
                statistics.revalidationSucceeded();
                LOG.log(Level.DEBUG, "{0}: revalidated, status {1}", key, response.statusCode());
            } else {
                fail(key, "status " + response.statusCode());
            }
        } catch (IOException | RuntimeException e) {
            fail(key, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(key, "interrupted");
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
        LOG.log(Level.WARNING, "ISR0301: revalidation of {0} failed ({1}); the stale entry stays, retried after {2}",
                key, reason, config.retryAfter());
    }
}
