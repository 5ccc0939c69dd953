package dev.isr.core;

import java.util.Objects;

/** Whether a response goes into the cache: {@link Store} with its policy, or {@link Bypass} with the reason. */
public sealed interface StoreDecision {

    /** Store the response under this policy, keyed by this vary rule. */
    record Store(CachePolicy policy, VaryRule varyRule) implements StoreDecision {
        public Store {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(varyRule, "varyRule");
        }
    }

    /**
     * Pass the response through untouched.
     *
     * @param detail the token reported as {@code detail=} in {@code Cache-Status}, e.g. {@code private}
     */
    record Bypass(String detail) implements StoreDecision {
        public Bypass {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
