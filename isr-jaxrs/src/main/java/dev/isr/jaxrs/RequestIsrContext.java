package dev.isr.jaxrs;

import dev.isr.api.IsrContext;
import dev.isr.core.DeclaredPolicy;
import dev.isr.core.Tags;
import jakarta.enterprise.context.RequestScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The request's {@link IsrContext}: an immutable {@link DeclaredPolicy} replaced on every change. The {@code @Isr}
 * interceptor {@linkplain #declare declares} into it; {@link ResponseCapture} reads {@link #policy()} once, when the
 * response leaves.
 *
 * <p>Thread-safe (every access synchronizes on the instance): a request may hand work to other threads.
 */
@RequestScoped
public class RequestIsrContext implements IsrContext {

    private DeclaredPolicy policy = DeclaredPolicy.NONE;

    /** What was declared so far. */
    public synchronized DeclaredPolicy policy() {
        return policy;
    }

    /** An {@code @Isr} method is about to run: see {@link DeclaredPolicy#followedBy}. */
    synchronized void declare(DeclaredPolicy declared) {
        policy = policy.followedBy(declared);
    }

    @Override
    public synchronized IsrContext addTags(String... tags) {
        List<String> added = List.of(tags);
        for (String tag : added) {
            if (!Tags.isValid(tag)) {
                throw new IllegalArgumentException("not a cache tag (1.." + Tags.MAX_LENGTH
                        + " visible ASCII characters, no , \" or \\): '" + Tags.forLog(tag) + "'");
            }
        }
        policy = policy.withTags(added);
        return this;
    }

    @Override
    public synchronized IsrContext maxAge(Duration maxAge) {
        policy = policy.withMaxAge(maxAge);
        return this;
    }

    @Override
    public synchronized IsrContext staleWhileRevalidate(Duration staleWhileRevalidate) {
        policy = policy.withStaleWhileRevalidate(staleWhileRevalidate);
        return this;
    }

    @Override
    public synchronized IsrContext staleIfError(Duration staleIfError) {
        policy = policy.withStaleIfError(staleIfError);
        return this;
    }

    @Override
    public synchronized IsrContext durable(boolean durable) {
        policy = policy.withDurable(durable);
        return this;
    }

    @Override
    public synchronized IsrContext uncacheable(String reason) {
        if (!DeclaredPolicy.isReason(reason)) {
            throw new IllegalArgumentException("uncacheable reason must be a token of 1.."
                    + DeclaredPolicy.MAX_REASON_LENGTH + " characters starting with a letter: '"
                    + (reason == null ? null : Tags.forLog(reason)) + "'");
        }
        policy = policy.withUncacheable(reason);
        return this;
    }

    @Override
    public synchronized List<String> tags() {
        return policy.tags();
    }

    @Override
    public synchronized Optional<Duration> maxAge() {
        return Optional.ofNullable(policy.maxAge());
    }

    @Override
    public synchronized Optional<String> uncacheableReason() {
        return Optional.ofNullable(policy.uncacheable());
    }
}
