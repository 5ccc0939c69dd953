package org.example.shop;

import dev.isr.api.IsrPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Changes prices, and purges the pages that show them once the transaction has committed. */
@ApplicationScoped
public class PriceEditor {

    @Inject
    Catalog catalog;

    @Inject
    Event<IsrPurge> purges;

    /** @return false if there is no such product */
    @Transactional
    public boolean changePrice(int id, long cents) {
        if (!catalog.setPrice(id, cents)) {
            return false;
        }
        // purged after the commit, not at all on a rollback
        purges.fire(IsrPurge.tags("product-" + id, "products"));
        return true;
    }
}
