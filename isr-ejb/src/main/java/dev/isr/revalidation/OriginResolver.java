package dev.isr.revalidation;

import dev.isr.core.IsrConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where revalidation requests go: {@code isr.origin}, or else the listener the first request arrived on (the
 * server's own HTTP listener, as the contract says), learned by the front door.
 */
@ApplicationScoped
public class OriginResolver {

    @Inject
    IsrConfig config;

    private final AtomicReference<String> learned = new AtomicReference<>();

    /** Called with every request; only the first one when nothing is configured has any effect. */
    public void learn(String scheme, String localAddress, int localPort) {
        if (config.origin().isEmpty() && learned.get() == null) {
            String host = localAddress.contains(":") ? "[" + localAddress + "]" : localAddress;
            learned.compareAndSet(null, scheme + "://" + host + ":" + localPort);
        }
    }

    /** The origin, or null when none is configured and no request has arrived yet. */
    public String origin() {
        return config.origin().isEmpty() ? learned.get() : config.origin();
    }
}
