package dev.isr.jaxrs;

import dev.isr.core.CacheKey;
import dev.isr.core.CacheKeyFactory;
import dev.isr.core.CachePolicy;
import dev.isr.core.CacheStatistics;
import dev.isr.core.CacheStatus;
import dev.isr.core.CachedResponse;
import dev.isr.core.CaptureBudget;
import dev.isr.core.EntityTags;
import dev.isr.core.Header;
import dev.isr.core.HeaderLookup;
import dev.isr.core.IsrConfig;
import dev.isr.core.Lookup;
import dev.isr.core.ResponseCache;
import dev.isr.core.ResponseStorability;
import dev.isr.core.StoreDecision;
import dev.isr.core.Tags;
import dev.isr.core.VaryRule;
import dev.isr.revalidation.HttpRevalidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Captures what the application rendered for a forwarded request and stores it when the response allows.
 *
 * <p>The response filter decides while the headers are still open: it asks {@link ResponseStorability}, sets
 * {@code Cache-Status}, removes the {@code Isr-*} fields, invalidates the path after a successful unsafe method, and
 * answers with the stale entry instead of a 5xx within its {@code stale-if-error} window. The writer interceptor then
 * buffers the body, up to {@code isr.max-body-bytes}: a body within the limit gets an {@code ETag} if it had none, is
 * stored and written out; a larger one is streamed through unstored, reported as {@code detail=too-large}, and so is
 * one that finds the node's {@link CaptureBudget} ({@code isr.capture.max-bytes}) used up
 * ({@code detail=capture-budget}). Nothing is written to the client before that decision, so the reported
 * {@code Cache-Status} is always the truth.
 */
@Provider
@ApplicationScoped
public class ResponseCapture implements ContainerResponseFilter, WriterInterceptor {

    private static final String PENDING_PROPERTY = "dev.isr.pending-capture";
    private static final System.Logger LOG = System.getLogger(ResponseCapture.class.getName());

    @Inject
    ResponseCache cache;

    @Inject
    ResponseStorability storability;

    @Inject
    CacheKeyFactory keys;

    @Inject
    CacheStatus cacheStatus;

    @Inject
    CacheStatistics statistics;

    @Inject
    IsrConfig config;

    @Inject
    Clock clock;

    @Inject
    CaptureBudget captureBudget;

    /** A response that will be stored once its body has been captured. */
    private record PendingCapture(CacheKey key, int status, CachePolicy policy, VaryRule rule, List<Header> replay,
            List<String> tags, CacheStatus.Forward reason, String detail) {
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (!(request.getProperty(FrontDoorFilter.LOOKUP_ATTRIBUTE) instanceof Lookup.Forward lookup)) {
            // not seen by the front door (filter not mapped for this path): never store what was not looked up
            stripInternalFields(headers);
            return;
        }
        int status = response.getStatus();
        if (lookup.reason() == CacheStatus.Forward.METHOD) {
            // before the response leaves, so that a client following a redirect cannot read the old entry
            UnsafeMethods.invalidateAfter(request.getMethod(), status, lookup.path(), cache);
            stripInternalFields(headers);
            headers.putSingle(CachedResponses.CACHE_STATUS, cacheStatus.forwarded(lookup.reason(), false, null));
            return;
        }
        if (lookup.staleIfError() != null && status >= 500) {
            answerWithStale(lookup, response);
            return;
        }
        if (!lookup.mayStore()) {
            // HEAD, an unavailable cache: the front door already knows nothing will be stored
            stripInternalFields(headers);
            headers.putSingle(CachedResponses.CACHE_STATUS,
                    cacheStatus.forwarded(lookup.reason(), false, lookup.detail()));
            return;
        }
        if (lookup.revalidation() && !HttpRevalidator.SUCCESS.contains(status)) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: revalidation answered {1}, the stale entry stays", lookup.key(),
                    status);
            stripInternalFields(headers);
            headers.putSingle(CachedResponses.CACHE_STATUS,
                    cacheStatus.forwarded(lookup.reason(), false, "revalidation-failed"));
            return;
        }
        HeaderLookup requestHeaders = lookupOf(request.getHeaders());
        HeaderLookup responseHeaders = lookupOf(response.getStringHeaders());
        StoreDecision decision = storability.assess(request.getMethod(),
                request.getHeaderString("Authorization") != null, status, responseHeaders);
        Tags.Parsed tags = Tags.of(responseHeaders); // before the Isr-* fields are removed
        stripInternalFields(headers);
        if (decision instanceof StoreDecision.Bypass bypass) {
            if (lookup.revalidation()) {
                // the page says it must not be cached any more: stop serving the old copy
                cache.remove(lookup.key());
            }
            log("{0}: not stored, {1}", lookup.key(), bypass.detail());
            statistics.bypass();
            headers.putSingle(CachedResponses.CACHE_STATUS,
                    cacheStatus.forwarded(CacheStatus.Forward.BYPASS, false, bypass.detail()));
            return;
        }
        StoreDecision.Store store = (StoreDecision.Store) decision;
        VaryRule rule = store.varyRule();
        CacheKey key = rule.keyFor(keys, lookup.path(), lookup.rawQuery(), requestHeaders);
        if (!tags.rejected().isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "ISR0203: {0}: tags dropped (1..{1} visible ASCII characters, no ,"
                    + " \" or \\, at most {2} per response): {3}", key, Tags.MAX_LENGTH, Tags.MAX_PER_RESPONSE,
                    tags.rejected().stream().map(Tags::forLog).toList());
        }
        PendingCapture pending = new PendingCapture(key, status, store.policy(), rule,
                rule.requestFieldsToReplay(requestHeaders), tags.accepted(), lookup.reason(), lookup.detail());
        headers.putSingle(CachedResponses.CACHE_STATUS, cacheStatus.forwarded(lookup.reason(), true, lookup.detail()));
        if (response.hasEntity()) {
            request.setProperty(PENDING_PROPERTY, pending);
        } else {
            store(pending, StoredFields.replayed(headers), new byte[0]);
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
        BoundedCapture capture = new BoundedCapture(config.maxBodyBytes(), captureBudget, client, overflow -> {
            log("{0}: not stored, {1} (body limit {2} bytes, {3})", pending.key(), overflow.detail(),
                    config.maxBodyBytes(), captureBudget);
            statistics.bypass();
            headers.putSingle(CachedResponses.CACHE_STATUS,
                    cacheStatus.forwarded(pending.reason(), false, overflow.detail()));
        });
        context.setOutputStream(capture);
        try {
            try {
                context.proceed();
            } finally {
                context.setOutputStream(client);
            }
            if (capture.overflowed()) {
                return;
            }
            byte[] body = capture.toByteArray();
            if (pending.status() >= 200 && pending.status() < 300 && !headers.containsKey("ETag")) {
                headers.putSingle("ETag", EntityTags.strong(pending.status(), body));
            }
            List<Header> stored = StoredFields.replayed(headers);
            MediaType mediaType = context.getMediaType();
            if (mediaType != null && stored.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
                stored.add(new Header("Content-Type", mediaType.toString()));
            }
            client.write(body);
            store(pending, stored, body);
        } finally {
            capture.release(); // the buffer is held until the body is written and stored
        }
    }

    private void store(PendingCapture pending, List<Header> headers, byte[] body) {
        cache.put(new CachedResponse(pending.key(), pending.status(), headers, body, clock.instant(),
                pending.policy(), pending.replay(), pending.tags()), pending.rule());
        statistics.stored();
        log("{0}: stored, {1} bytes, {2}", pending.key(), body.length, pending.policy());
    }

    /** RFC 5861 section 4: the render failed with a 5xx, so the stale entry answers instead. */
    private void answerWithStale(Lookup.Forward lookup, ContainerResponseContext response) {
        CachedResponse stale = lookup.staleIfError();
        Instant now = clock.instant();
        LOG.log(System.Logger.Level.WARNING, "ISR0202: rendering {0} answered {1}; answering with the stale entry"
                + " (stale-if-error)", lookup.key(), response.getStatus());
        statistics.staleHit();
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.clear();
        for (Header header : stale.headers()) {
            headers.add(header.name(), header.value());
        }
        headers.putSingle("Age", Long.toString(stale.ageSeconds(now)));
        headers.putSingle(CachedResponses.CACHE_STATUS, cacheStatus.hit(stale.ttlSeconds(now), "stale-if-error"));
        response.setStatus(stale.status());
        String contentType = stale.header("Content-Type");
        MediaType mediaType = contentType == null ? MediaType.APPLICATION_OCTET_STREAM_TYPE
                : MediaType.valueOf(contentType);
        response.setEntity(stale.body().length == 0 ? null : stale.body(), new Annotation[0], mediaType);
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
