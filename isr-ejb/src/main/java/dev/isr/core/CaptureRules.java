package dev.isr.core;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides what happens to a response the application rendered for a request the front door forwarded: the write
 * path of the cache, as {@link FrontDoor} is its read path. A chain of early returns, each naming its reason; no
 * container types, so the JAX-RS filter, the {@code @Isr} interceptor
 * (through {@link DeclaredPolicy}) and the tests share one set of rules.
 *
 * <p>Thread-safe and stateless.
 */
public final class CaptureRules {

    /** Statuses that count as a successful revalidation (contract section 5). */
    public static final Set<Integer> REVALIDATION_SUCCESS = Set.of(200, 301, 302, 307, 308, 404, 410);

    private final ResponseStorability storability;
    private final CacheKeyFactory keys;

    public CaptureRules(ResponseStorability storability, CacheKeyFactory keys) {
        this.storability = Objects.requireNonNull(storability, "storability");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * @param forward what the front door decided for the request, or null when it did not see it
     * @param adminApi the request was answered by this module's admin API, which is never stored
     * @param method the request method
     * @param status the response status
     * @param request the request header fields
     * @param response the response header fields as the application set them, {@code Isr-*} fields included
     * @param visitor what the container saw of sessions, callers and cookies during the render
     */
    public CaptureDecision decide(
            Lookup.@Nullable Forward forward,
            boolean adminApi,
            String method,
            int status,
            HeaderLookup request,
            HeaderLookup response,
            VisitorSignals visitor) {
        return decide(forward, adminApi, method, status, request, response, visitor, null);
    }

    /**
     * As {@link #decide(Lookup.Forward, boolean, String, int, HeaderLookup, HeaderLookup, VisitorSignals)}, for a
     * response whose code may have declared it uncacheable ({@link DeclaredPolicy#uncacheable()}): such a response is
     * bypassed with that reason as detail, whatever its fields say. The fields a {@link DeclaredPolicy} adds must be
     * in {@code response} already.
     *
     * @param uncacheable the declared reason not to store the response, or null
     */
    public CaptureDecision decide(
            Lookup.@Nullable Forward forward,
            boolean adminApi,
            String method,
            int status,
            HeaderLookup request,
            HeaderLookup response,
            VisitorSignals visitor,
            @Nullable String uncacheable) {
        CaptureDecision decided = decidedByTheRequest(forward, adminApi, method, status, uncacheable);
        if (decided != null) {
            return decided;
        }
        StoreDecision decision = storability.assess(method, hasCredentials(request, visitor), status, response);
        if (decision instanceof StoreDecision.Bypass bypass) {
            return new CaptureDecision.Bypass(bypass.detail(), forward.revalidation(), null);
        }
        StoreDecision.Store store = (StoreDecision.Store) decision;
        boolean vouched =
                VisitorSignals.vouchedFor(DirectiveSource.select(response).directives());
        String veto = visitor.veto(vouched);
        if (veto != null) {
            return new CaptureDecision.Bypass(veto, forward.revalidation(), null);
        }
        VaryRule rule = store.varyRule();
        CacheKey key = rule.keyFor(keys, forward.target(), request);
        if (!key.query().equals(forward.key().query())) {
            // the application was shown query parameters this rule leaves out of the key: what it rendered is not
            // what every request with this key would get. The rule is remembered, so the next request is shown
            // only the parameters it keys on, and its render can be stored.
            return new CaptureDecision.Bypass("unkeyed-query", false, rule);
        }
        Tags.Parsed tags = Tags.of(response);
        return new CaptureDecision.Store(
                key,
                store.policy(),
                rule,
                rule.requestFieldsToReplay(request),
                tags.accepted(),
                tags.rejected(),
                vouched);
    }

    /**
     * What is decided from the request alone, before the response's fields are read: nothing to do for a request the
     * front door did not see, an invalidation for an unsafe method, a pass for the admin API, a stale answer for a
     * server error, a pass for a response that may not be stored; null when the response's fields decide.
     */
    private static boolean hasCredentials(HeaderLookup request, VisitorSignals visitor) {
        return request.contains("Authorization") || request.contains("Proxy-Authorization") || visitor.principal();
    }

    private static @Nullable CaptureDecision decidedByTheRequest(
            Lookup.@Nullable Forward forward,
            boolean adminApi,
            String method,
            int status,
            @Nullable String uncacheable) {
        if (forward == null) {
            return new CaptureDecision.Unseen();
        }
        if (forward.reason() == CacheStatus.Forward.METHOD) {
            return new CaptureDecision.Invalidate(method, forward.path());
        }
        if (adminApi) {
            return new CaptureDecision.PassOn(CacheStatus.Forward.BYPASS, "admin");
        }
        if (forward.staleIfError() != null && status >= 500) {
            return new CaptureDecision.AnswerStale(forward.staleIfError());
        }
        if (!forward.mayStore()) {
            return new CaptureDecision.PassOn(forward.reason(), forward.detail());
        }
        if (forward.revalidation() && !REVALIDATION_SUCCESS.contains(status)) {
            return new CaptureDecision.PassOn(forward.reason(), "revalidation-failed");
        }
        if (uncacheable != null) {
            return new CaptureDecision.Bypass(uncacheable, forward.revalidation(), null);
        }
        return null;
    }
}
