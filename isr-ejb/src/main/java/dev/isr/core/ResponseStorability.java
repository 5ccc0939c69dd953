package dev.isr.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a response from the application may be stored (RFC 9111 section 3, this module's contract
 * sections 2 and 3). The checks run in a fixed order and the first that fails names the reason.
 */
public final class ResponseStorability {

    /** The field naming what a response varies on, in this module's grammar ({@link VaryRule}). */
    public static final String ISR_VARY = "Isr-Vary";

    /**
     * The status codes whose caching semantics this cache implements (those RFC 9110 defines, but 206 and 304): the
     * ones a response with {@code must-understand} may be stored with.
     */
    private static final Set<Integer> UNDERSTOOD_STATUSES = Set.of(
            200, 203, 204, 300, 301, 302, 303, 307, 308, 400, 401, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412,
            413, 414, 415, 416, 417, 421, 422, 426, 500, 501, 502, 503, 504, 505);

    private final Set<Integer> storableStatuses;
    private final boolean strictSMaxAge;

    /**
     * @param strictSMaxAge {@code isr.strict-s-maxage}: true makes {@code s-maxage} imply {@code proxy-revalidate}
     *     (RFC 9111 section 5.2.2.10, as Cloudflare does), so such entries are never served stale; false (the
     *     default) serves them stale within their windows, as Vercel and Netlify do
     */
    public ResponseStorability(Set<Integer> storableStatuses, boolean strictSMaxAge) {
        this.storableStatuses = Set.copyOf(Objects.requireNonNull(storableStatuses, "storableStatuses"));
        this.strictSMaxAge = strictSMaxAge;
    }

    /**
     * @param method the request method
     * @param requestHasAuthorization whether the request carried credentials ({@code Authorization},
     *     {@code Proxy-Authorization}) or ran with an authenticated caller
     * @param status the response status code
     * @param response the response header fields as the application set them
     */
    public StoreDecision assess(String method, boolean requestHasAuthorization, int status, HeaderLookup response) {
        String unsharable = unsharable(method, status, response);
        if (unsharable != null) {
            return new StoreDecision.Bypass(unsharable);
        }
        DirectiveSource.Selected selected = DirectiveSource.select(response);
        CacheControl directives = selected.directives();
        String refused = refusedByDirectives(directives, status, response);
        if (refused != null) {
            return new StoreDecision.Bypass(refused);
        }
        // Expires counts only beside Cache-Control: a targeted field replaces both (RFC 9213 section 2.2)
        Duration expires = DirectiveSource.CACHE_CONTROL.equals(selected.fieldName())
                ? ResponseAge.expiresLifetime(response)
                : null;
        if (directives.sharedMaxAge() == CacheControl.ABSENT && expires == null && !directives.noCache()) {
            return new StoreDecision.Bypass("no-freshness");
        }
        String vary = response.combined("Vary");
        if (vary != null && vary.contains("*")) {
            return new StoreDecision.Bypass("vary-star");
        }
        VaryRule rule = VaryRule.parse(response.combined(ISR_VARY), vary);
        if (rule == null) {
            return new StoreDecision.Bypass("malformed-vary");
        }
        if (rule.variesOnCredentials()) {
            return new StoreDecision.Bypass("vary-credentials");
        }
        CachePolicy policy = directives.noCache()
                ? CachePolicy.validatedBeforeEveryUse(directives)
                : CachePolicy.of(directives, strictSMaxAge, expires);
        if (requestHasAuthorization && !policy.sharedWithAuthorization()) {
            return new StoreDecision.Bypass("authorization");
        }
        if (policy.retainFor().isZero() && !directives.noCache()) {
            return new StoreDecision.Bypass("zero-lifetime");
        }
        return new StoreDecision.Store(policy, rule);
    }

    /** Why the method, the status or a cookie keeps the response from being shared, or null. */
    private @Nullable String unsharable(String method, int status, HeaderLookup response) {
        if (!"GET".equals(method)) {
            return "method";
        }
        if (!storableStatuses.contains(status) || status == 206 || status == 304) {
            return "status";
        }
        return response.contains("Set-Cookie") ? "set-cookie" : null;
    }

    /** Why the directives forbid storing the response (a {@code Cache-Status} detail), or null if they allow it. */
    private static @Nullable String refusedByDirectives(CacheControl directives, int status, HeaderLookup response) {
        if (directives.malformed()) {
            return "malformed-cache-control";
        }
        if (directives.isPrivate()) {
            return "private";
        }
        if (directives.mustUnderstand() && !UNDERSTOOD_STATUSES.contains(status)) {
            return "status";
        }
        if (directives.noStore() && !directives.mustUnderstand()) {
            return "no-store";
        }
        // no-cache: stored only to be validated before every use (RFC 9111 section 5.2.2.4), so only with validators
        boolean validatable = response.contains("ETag") || HttpDate.parse(response.combined("Last-Modified")) != null;
        if (directives.noCache() && (!validatable || status != 200)) {
            return "no-cache";
        }
        return null;
    }

    /** Header fields this module consumes and never passes on to clients (contract section 3). */
    public static boolean isInternalField(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("isr-cache-control") || lower.equals("isr-cache-tag") || lower.equals("isr-vary");
    }
}
