package dev.isr.jaxrs;

import dev.isr.core.CacheKey;
import dev.isr.core.CachePolicy;
import dev.isr.core.CacheStatus;
import dev.isr.core.CachedResponse;
import dev.isr.core.Header;
import dev.isr.core.HeaderLookup;
import dev.isr.core.IsrConfig;
import dev.isr.core.Lookup;
import dev.isr.core.ResponseCache;
import dev.isr.core.ResponseStorability;
import dev.isr.core.StoreDecision;
import dev.isr.store.IsrCacheContainer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Captures what the application rendered for a forwarded request and stores it when the response allows.
 *
 * <p>The response filter makes the decision ({@link ResponseStorability}) while the headers are still open, sets
 * {@code Cache-Status} and removes the {@code Isr-*} fields. The writer interceptor then buffers the body, up to
 * {@code isr.max-body-bytes}: a body within the limit is stored and written out; a larger one is streamed through
 * unstored, reported as {@code detail=too-large}. Nothing is written to the client before that decision, so the
 * reported {@code Cache-Status} is always the truth.
 */
@Provider
@ApplicationScoped
public class ResponseCapture implements ContainerResponseFilter, WriterInterceptor {

    static final String CACHE_STATUS = "Cache-Status";
    private static final String PENDING_PROPERTY = "dev.isr.pending-capture";
    private static final System.Logger LOG = System.getLogger(ResponseCapture.class.getName());

    @Inject
    IsrCacheContainer container;

    @Inject
    IsrConfig config;

    @Inject
    Clock clock;

    private ResponseStorability storability;
    private CacheStatus cacheStatus;

    @PostConstruct
    void init() {
        storability = new ResponseStorability(config.storableStatuses());
        cacheStatus = new CacheStatus(config.cacheName());
    }

    /** A response that will be stored once its body has been captured. */
    private record PendingCapture(CacheKey key, int status, CachePolicy policy, CacheStatus.Forward reason) {
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (!(request.getProperty(FrontDoorFilter.LOOKUP_ATTRIBUTE) instanceof Lookup.Forward lookup)) {
            // not seen by the front door (filter not mapped for this path): never store what was not looked up
            stripInternalFields(headers);
            return;
        }
        if (!lookup.mayStore()) {
            // HEAD, other methods, an unavailable cache: the front door already knows nothing will be stored
            stripInternalFields(headers);
            headers.putSingle(CACHE_STATUS, cacheStatus.forwarded(lookup.reason(), false, lookup.detail()));
            return;
        }
        StoreDecision decision = storability.assess(request.getMethod(),
                request.getHeaderString("Authorization") != null, response.getStatus(),
                lookupOf(response.getStringHeaders()));
        stripInternalFields(headers);
        if (decision instanceof StoreDecision.Bypass bypass) {
            log("{0}: not stored, {1}", lookup.key(), bypass.detail());
            headers.putSingle(CACHE_STATUS, cacheStatus.forwarded(CacheStatus.Forward.BYPASS, false, bypass.detail()));
            return;
        }
        CachePolicy policy = ((StoreDecision.Store) decision).policy();
        PendingCapture pending = new PendingCapture(lookup.key(), response.getStatus(), policy, lookup.reason());
        headers.putSingle(CACHE_STATUS, cacheStatus.forwarded(lookup.reason(), true, lookup.detail()));
        if (response.hasEntity()) {
            request.setProperty(PENDING_PROPERTY, pending);
        } else {
            store(pending, stringHeaders(headers), new byte[0]);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(PENDING_PROPERTY) instanceof PendingCapture pending)) {
            context.proceed();
            return;
        }
        context.removeProperty(PENDING_PROPERTY);
        OutputStream client = context.getOutputStream();
        MultivaluedMap<String, Object> headers = context.getHeaders();
        BoundedCapture capture = new BoundedCapture(config.maxBodyBytes(), client, () -> {
            log("{0}: not stored, body over {1} bytes", pending.key(), config.maxBodyBytes());
            headers.putSingle(CACHE_STATUS, cacheStatus.forwarded(pending.reason(), false, "too-large"));
        });
        context.setOutputStream(capture);
        try {
            context.proceed();
        } finally {
            context.setOutputStream(client);
        }
        if (capture.overflowed()) {
            return;
        }
        byte[] body = capture.toByteArray();
        List<Header> stored = stringHeaders(headers);
        if (context.getMediaType() != null && stored.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
            stored.add(new Header("Content-Type", context.getMediaType().toString()));
        }
        client.write(body);
        store(pending, stored, body);
    }

    private void store(PendingCapture pending, List<Header> headers, byte[] body) {
        ResponseCache cache = container.responseCache();
        cache.put(new CachedResponse(pending.key().value(), pending.status(), headers, body, clock.instant(),
                pending.policy()));
        log("{0}: stored, {1} bytes, {2}", pending.key(), body.length, pending.policy());
    }

    private static List<Header> stringHeaders(MultivaluedMap<String, Object> headers) {
        List<Header> result = new ArrayList<>();
        for (Map.Entry<String, List<Object>> field : headers.entrySet()) {
            if (StoredFields.isReplayed(field.getKey())) {
                for (Object value : field.getValue()) {
                    result.add(new Header(field.getKey(), HeaderValues.toString(value)));
                }
            }
        }
        return result;
    }

    private static void stripInternalFields(MultivaluedMap<String, Object> headers) {
        headers.keySet().removeIf(ResponseStorability::isInternalField);
    }

    private static HeaderLookup lookupOf(MultivaluedMap<String, String> headers) {
        return name -> {
            List<String> values = new ArrayList<>();
            for (Map.Entry<String, List<String>> field : headers.entrySet()) {
                if (field.getKey().equalsIgnoreCase(name)) {
                    values.addAll(field.getValue());
                }
            }
            return values;
        };
    }

    private static void log(String message, Object... args) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, message, args);
        }
    }
}
