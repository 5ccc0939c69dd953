package dev.isr.core;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The origins the cache serves ({@code isr.public-origins}). Empty means every origin: each then has entries of its
 * own, since the origin is part of every key, so a forged {@code Host} can fill the cache but never poison what
 * another host is served.
 */
public final class PublicOrigins {

    /** Compared as records, so that checking a request's origin builds no string. */
    private final Set<Origin> allowed;

    /** @param configured normalized origins ({@link Origin#value()}), or empty for every origin */
    public PublicOrigins(List<String> configured) {
        this.allowed = configured.stream().map(Origin::parse).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether requests for {@code origin} may be served from and stored in the cache; false for null. */
    public boolean allows(@Nullable Origin origin) {
        return origin != null && (allowed.isEmpty() || allowed.contains(origin));
    }

    public boolean restricted() {
        return !allowed.isEmpty();
    }
}
