package dev.isr.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The cache policy of the current request's response, as code declares it: inject it anywhere the request runs (the
 * resource, or any service it calls) with {@code @Inject IsrContext isr}, and refine what {@link Isr} declared, or
 * declare a policy without it:
 *
 * <pre>{@code
 * isr.addTags("author-" + author.id()).maxAge(Duration.ofMinutes(5));
 * if (preview) {
 *     isr.uncacheable("preview");
 * }
 * }</pre>
 *
 * <p>What it holds becomes the response's {@code Isr-*} fields when the response leaves, unless the application set
 * those fields itself: explicit header fields win (see {@link Isr}). Setting {@link #maxAge} is enough to make a
 * response cacheable.
 *
 * <p>The bean is {@code @RequestScoped}: using it outside an HTTP request throws
 * {@code ContextNotActiveException}. Its methods are thread-safe, so work the request hands to other threads may call
 * them until the response is written; later calls have no effect. Durations are whole seconds, zero or more.
 */
public interface IsrContext {

    /**
     * Adds cache tags (already expanded: no templates here).
     *
     * @throws IllegalArgumentException naming a tag that is not 1..128 visible ASCII characters without
     *     {@code , " \}
     */
    IsrContext addTags(String... tags);

    /** Sets the shared freshness ({@code s-maxage}), making the response cacheable. */
    IsrContext maxAge(Duration maxAge);

    IsrContext staleWhileRevalidate(Duration staleWhileRevalidate);

    IsrContext staleIfError(Duration staleIfError);

    IsrContext durable(boolean durable);

    /**
     * The response must not be stored, whatever its fields or {@link Isr} say; it is reported as
     * {@code Cache-Status: isr; fwd=bypass; detail=<reason>}. The first reason given is kept.
     *
     * @param reason a token of 1..64 characters starting with a letter ({@code preview}, {@code draft-mode})
     * @throws IllegalArgumentException naming the reason when it is not such a token
     */
    IsrContext uncacheable(String reason);

    /** The tags declared so far, in order. */
    List<String> tags();

    /** The shared freshness declared so far. */
    Optional<Duration> maxAge();

    /** Why the response will not be stored, when {@link #uncacheable} was called. */
    Optional<String> uncacheableReason();
}
