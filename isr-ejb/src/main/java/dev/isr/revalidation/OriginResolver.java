package dev.isr.revalidation;

import dev.isr.core.IsrConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where revalidation requests connect: {@code isr.origin}, or else the HTTP listener the server's configuration
 * names ({@link ListenerAddress}). Fixed at deployment: never learned from a request, so no visitor's {@code Host} or
 * {@code X-Forwarded-Proto} can redirect or break revalidations.
 */
@ApplicationScoped
public class OriginResolver {

    @Inject
    IsrConfig config;

    private String address;

    @PostConstruct
    void init() {
        address = config.origin().isEmpty() ? ListenerAddress.of(System::getProperty) : config.origin();
    }

    /** The base URL revalidations connect to, {@code scheme://host:port}. */
    public String origin() {
        return address;
    }
}
