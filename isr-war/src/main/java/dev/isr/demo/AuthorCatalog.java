package dev.isr.demo;

import dev.isr.api.IsrContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * A service that refines the cache policy of whatever page calls it, through the request's {@link IsrContext}: the
 * page need not know which tags its content depends on.
 */
@ApplicationScoped
public class AuthorCatalog {

    @Inject
    IsrContext isr;

    String describe(String name, boolean draft) {
        isr.addTags("author-" + name).maxAge(Duration.ofMinutes(5));
        if (draft) {
            isr.uncacheable("draft");
            return "<h1>" + Html.escape(name) + " (draft)</h1><p>Drafts are never cached.</p>";
        }
        return "<h1>" + Html.escape(name) + "</h1><p>Tagged author-" + Html.escape(name) + " by the service.</p>";
    }
}
