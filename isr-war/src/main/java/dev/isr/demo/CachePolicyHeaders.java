package dev.isr.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cache headers the seed documents recommend for ISR pages: browsers always revalidate
 * ({@code Cache-Control: public, max-age=0, must-revalidate}), while the shared cache gets a targeted
 * {@code CDN-Cache-Control} with {@code s-maxage}, {@code stale-while-revalidate} and, for pages worth keeping
 * across restarts, {@code durable}.
 */
@ApplicationScoped
public class CachePolicyHeaders {

    static final String BROWSER = "public, max-age=0, must-revalidate";

    @Inject
    @ConfigProperty(name = "demo.s-maxage", defaultValue = "60")
    long sMaxAge;

    @Inject
    @ConfigProperty(name = "demo.stale-while-revalidate", defaultValue = "86400")
    long staleWhileRevalidate;

    @Inject
    @ConfigProperty(name = "demo.stale-if-error", defaultValue = "604800")
    long staleIfError;

    /** Cached in cluster memory only. */
    Response.ResponseBuilder shared(Response.ResponseBuilder response) {
        return response.header("Cache-Control", BROWSER).header("CDN-Cache-Control", targeted(false));
    }

    /** Cached and written to the persistent store: survives restarts. */
    Response.ResponseBuilder durable(Response.ResponseBuilder response) {
        return response.header("Cache-Control", BROWSER).header("CDN-Cache-Control", targeted(true));
    }

    /** Never stored anywhere: per-visitor content. */
    static Response.ResponseBuilder personal(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "private, no-store");
    }

    private String targeted(boolean durable) {
        return "s-maxage=" + sMaxAge + ", stale-while-revalidate=" + staleWhileRevalidate + ", stale-if-error="
                + staleIfError + (durable ? ", durable" : "");
    }
}
