package dev.isr.core;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to do with a response the application rendered ({@link CaptureRules}): the JAX-RS filter and the CDI
 * interceptor only apply it.
 */
public sealed interface CaptureDecision {

    /** The front door did not look the request up: pass it on untouched but for the {@code Isr-*} fields. */
    record Unseen() implements CaptureDecision {}

    /** Pass it on unstored, with {@code Cache-Status: <reason>[; detail]}. */
    record PassOn(CacheStatus.Forward reason, String detail) implements CaptureDecision {
        public PassOn {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** An unsafe method: after a successful one, the entries of {@code path} are invalidated (RFC 9111 section 4.4). */
    record Invalidate(String method, String path) implements CaptureDecision {
        public Invalidate {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
        }
    }

    /** The render failed with a 5xx within the stale entry's {@code stale-if-error} window: answer with the entry. */
    record AnswerStale(CachedResponse stale) implements CaptureDecision {
        public AnswerStale {
            Objects.requireNonNull(stale, "stale");
        }
    }

    /**
     * Not stored, for {@code detail}.
     *
     * @param dropStale a revalidation was told the page is no longer cacheable: remove the stale entry too
     * @param learnedRule a vary rule to remember for the path although nothing is stored (so that the next request
     *     is shown only the query parameters the rule keys on), or null
     */
    record Bypass(
            String detail, boolean dropStale, @Nullable VaryRule learnedRule) implements CaptureDecision {
        public Bypass {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * Store the response under {@code key} once its body is captured.
     *
     * @param replayFields the request fields a revalidation must send to render this variant again
     * @param tags the accepted tags; {@code rejectedTags} are logged and dropped
     * @param visitorIndependent the response vouched ({@code public, visitor-independent}) that a session or a
     *     principal does not make it per-visitor: the signs read again before storing are judged by it
     */
    record Store(
            CacheKey key,
            CachePolicy policy,
            VaryRule rule,
            List<Header> replayFields,
            List<String> tags,
            List<String> rejectedTags,
            boolean visitorIndependent)
            implements CaptureDecision {
        public Store {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(rule, "rule");
            replayFields = List.copyOf(replayFields);
            tags = List.copyOf(tags);
            rejectedTags = List.copyOf(rejectedTags);
        }
    }
}
