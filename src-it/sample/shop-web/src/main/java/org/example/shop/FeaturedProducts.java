package org.example.shop;

import dev.isr.api.IsrContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Picks the product to feature, and tags the page being rendered with it, from wherever it is called. */
@ApplicationScoped
public class FeaturedProducts {

    @Inject
    Catalog catalog;

    @Inject
    IsrContext isr;

    Product pick() {
        Product product = catalog.find(3).orElseThrow();
        isr.addTags("featured", "product-" + product.id());
        return product;
    }
}
