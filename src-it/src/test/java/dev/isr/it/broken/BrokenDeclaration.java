package dev.isr.it.broken;

import dev.isr.api.Isr;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A resource with a typo in its {@code @Isr}: the deployment that contains it must fail (BrokenAnnotationIT). */
@Path("/broken")
@RequestScoped
public class BrokenDeclaration {

    @GET
    @Isr(maxAge = "6O s", tags = "item-{id}")
    public String page() {
        return "never served";
    }
}
