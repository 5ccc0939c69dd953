package dev.isr.jaxrs;

import dev.isr.core.CacheStatistics;
import dev.isr.core.CacheStatus;
import dev.isr.core.CachedResponse;
import dev.isr.core.CaptureDecision;
import dev.isr.core.CaptureRules;
import dev.isr.core.DeclaredPolicy;
import dev.isr.core.Header;
import dev.isr.core.HeaderLookup;
import dev.isr.core.HttpDate;
import dev.isr.core.Lookup;
import dev.isr.core.ResponseAge;
import dev.isr.core.ResponseCache;
import dev.isr.core.ResponseStorability;
import dev.isr.core.Tags;
import dev.isr.core.VisitorSignals;
import dev.isr.jaxrs.admin.IsrAdminResource;
import dev.isr.jaxrs.admin.IsrConsoleResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Captures what the application rendered for a forwarded request and stores it when the response allows.
 *
 * <p>What code declared for the response ({@code @Isr}, {@link dev.isr.api.IsrContext}) is first added as
 * {@code Isr-*} fields where the application set none of its own ({@link DeclaredPolicy#fields}), so that declared
 * and hand-written policies go through the same rules.
 *
 * <p>The response filter decides while the headers are still open: it asks {@link CaptureRules} and applies the
 * {@link CaptureDecision}: sets {@code Cache-Status}, removes the {@code Isr-*} fields, invalidates the path after a
 * successful unsafe method, answers with the stale entry instead of a 5xx within its {@code stale-if-error} window,
 * remembers keys that were not storable (hit-for-pass, {@link CaptureOutcome}). The writer interceptor then has the
 * body buffered, within the limits of {@link BodyCapture}, and stored. Nothing is
 * written to the client before that decision, so the reported {@code Cache-Status} is always the truth; for the same
 * reason the per-visitor signs of the render (a session, a cookie set through the Servlet API) are read again once
 * the body is written, just before storing.
 */
@Provider
@ApplicationScoped
public class ResponseCapture implements ContainerResponseFilter, WriterInterceptor {

    private static final String PENDING_PROPERTY = "dev.isr.pending-capture";

    /**
     * The request attribute (JAX-RS property) set when this filter answered a failed render with its stale entry:
     * the front door then leaves alone an exception the JAX-RS runtime rethrows after writing that answer.
     */
    static final String ANSWERED_STALE_ATTRIBUTE = "dev.isr.answered-stale";

    private static final System.Logger LOG = System.getLogger(ResponseCapture.class.getName());

    @Inject
    ResponseCache cache;

    @Inject
    CaptureRules rules;

    @Inject
    CacheStatus cacheStatus;

    @Inject
    CacheStatistics statistics;

    @Inject
    AdminPaths adminPaths;

    @Inject
    Clock clock;

    @Inject
    NotModifiedRefresh notModified;

    @Inject
    RequestIsrContext declared;

    @Inject
    CaptureOutcome outcome;

    @Inject
    BodyCapture bodies;

    @Context
    ResourceInfo resourceInfo;

    /** What the filter knows of the response it decides on. */
    private record Rendered(
            Lookup.Forward lookup,
            boolean admin,
            VisitorSignals visitorSignals,
            VisitorTracker visitor,
            String uncacheable) {}

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Rendered rendered = prepare(request, response);
        Lookup.Forward lookup = rendered.lookup();
        if (lookup != null && lookup.validating() != null && response.getStatus() == Lookup.Serve.NOT_MODIFIED) {
            notModified.refresh(
                    lookup,
                    response,
                    lookupOf(response.getStringHeaders()),
                    lookupOf(request.getHeaders()),
                    rendered.visitorSignals(),
                    rendered.uncacheable());
            stripInternalFields(response.getHeaders());
            return;
        }
        CaptureDecision decision = rules.decide(
                lookup,
                rendered.admin(),
                request.getMethod(),
                response.getStatus(),
                lookupOf(request.getHeaders()),
                lookupOf(response.getStringHeaders()),
                rendered.visitorSignals(),
                rendered.uncacheable());
        stripInternalFields(response.getHeaders());
        apply(decision, rendered, request, response);
    }

    /**
     * Reads what the render left for this filter (the front door's lookup, the visitor tracker, the declared policy)
     * and completes the response's fields: a {@code Date} where it has none, the declared {@code Isr-*} fields.
     */
    private Rendered prepare(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        boolean admin = resourceInfo != null
                && (resourceInfo.getResourceClass() == IsrAdminResource.class
                        || resourceInfo.getResourceClass() == IsrConsoleResource.class);
        if (admin) {
            adminPaths.learn(request.getUriInfo().getBaseUri().getRawPath() + "isr");
        }
        Lookup.Forward lookup =
                request.getProperty(FrontDoorFilter.LOOKUP_ATTRIBUTE) instanceof Lookup.Forward f ? f : null;
        VisitorTracker visitor = request.getProperty(VisitorTracker.ATTRIBUTE) instanceof VisitorTracker t ? t : null;
        DeclaredPolicy policy = lookup == null ? DeclaredPolicy.NONE : declared.policy();
        if (lookup != null
                && !admin
                && HttpDate.parse(lookupOf(response.getStringHeaders()).combined("Date"), clock.instant()) == null) {
            // RFC 9110 section 6.6.1: the origin's clock dates the response (a missing or invalid Date is replaced by
            // the time it is received); stored, it is replayed with every hit
            headers.putSingle("Date", HttpDate.format(clock.instant()));
        }
        for (Header field : policy.fields(lookupOf(response.getStringHeaders()))) {
            headers.add(field.name(), field.value()); // removed again below, with the application's own Isr-* fields
            log("{0}: declared {1}: {2}", lookup.key(), field.name(), field.value());
        }
        VisitorSignals signals = visitor == null ? VisitorSignals.NONE : visitor.signals();
        return new Rendered(lookup, admin, signals, visitor, policy.uncacheable());
    }

    private void apply(
            CaptureDecision decision,
            Rendered rendered,
            ContainerRequestContext request,
            ContainerResponseContext response) {
        Lookup.Forward lookup = rendered.lookup();
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (decision instanceof CaptureDecision.Invalidate invalidate) {
            // before the response leaves, so that a client following a redirect cannot read the old entry
            UnsafeMethods.invalidateAfter(
                    invalidate.method(),
                    response.getStatus(),
                    lookup.target(),
                    lookupOf(response.getStringHeaders()),
                    cache);
            headers.putSingle(CachedResponses.CACHE_STATUS, cacheStatus.forwarded(lookup.reason(), false, null));
        } else if (decision instanceof CaptureDecision.PassOn pass) {
            headers.putSingle(CachedResponses.CACHE_STATUS, cacheStatus.forwarded(pass.reason(), false, pass.detail()));
        } else if (decision instanceof CaptureDecision.AnswerStale stale) {
            answerWithStale(request, lookup, stale.stale(), response);
        } else if (decision instanceof CaptureDecision.Bypass bypass) {
            outcome.bypass(lookup, bypass, headers);
        } else if (decision instanceof CaptureDecision.Store store) {
            capture(request, response, lookup, store, rendered.visitor());
        }
        // CaptureDecision.Unseen: not looked up (the admin API, a path the front door does not see): never stored
    }

    private void capture(
            ContainerRequestContext request,
            ContainerResponseContext response,
            Lookup.Forward lookup,
            CaptureDecision.Store store,
            VisitorTracker visitor) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (!store.rejectedTags().isEmpty()) {
            FrontDoorLog.tagsDropped(
                    store.key(),
                    Tags.MAX_LENGTH,
                    Tags.MAX_PER_RESPONSE,
                    store.rejectedTags().stream().map(Tags::forLog).toList());
        }
        PendingCapture pending = new PendingCapture(
                lookup,
                store,
                response.getStatus(),
                visitor,
                ResponseAge.correctedInitialAge(lookupOf(response.getStringHeaders()), clock.instant()));
        if (response.hasEntity()) {
            headers.putSingle(
                    CachedResponses.CACHE_STATUS, cacheStatus.forwarded(lookup.reason(), true, lookup.detail()));
            request.setProperty(PENDING_PROPERTY, pending);
        } else {
            outcome.store(pending, StoredFields.replayed(headers), new byte[0], headers);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (context.getProperty(PENDING_PROPERTY) instanceof PendingCapture pending) {
            context.removeProperty(PENDING_PROPERTY);
            bodies.writeAndStore(context, pending);
        } else {
            context.proceed();
        }
    }

    /** RFC 5861 section 4: the render failed with a 5xx, so the stale entry answers instead. */
    private void answerWithStale(
            ContainerRequestContext request,
            Lookup.Forward lookup,
            CachedResponse stale,
            ContainerResponseContext response) {
        request.setProperty(ANSWERED_STALE_ATTRIBUTE, Boolean.TRUE);
        Instant now = clock.instant();
        FrontDoorLog.staleAnswersServerError(lookup.key(), response.getStatus());
        statistics.staleHit();
        statistics.staleIfError();
        EntryAnswers.replace(response, stale, cacheStatus.hit(stale.ttlSeconds(now), "stale-if-error"), now);
    }

    private static void stripInternalFields(MultivaluedMap<String, Object> headers) {
        headers.keySet().removeIf(ResponseStorability::isInternalField);
    }

    static HeaderLookup lookupOf(MultivaluedMap<String, String> headers) {
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
