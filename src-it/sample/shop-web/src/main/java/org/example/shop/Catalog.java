package org.example.shop;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The shop's stand-in for a slow product database: every read waits {@value #READ_MILLIS} ms, as a query over the
 * network would. Thread-safe.
 */
@ApplicationScoped
public class Catalog {

    static final long READ_MILLIS = 200;

    private final Map<Integer, Product> products = new ConcurrentHashMap<>(Map.of(
            1, new Product(1, "Espresso cup", 900),
            2, new Product(2, "Moka pot", 3900),
            3, new Product(3, "Coffee grinder", 12900)));

    @Resource
    ManagedScheduledExecutorService scheduler;

    Optional<Product> find(int id) {
        slowRead();
        return Optional.ofNullable(products.get(id));
    }

    List<Product> all() {
        slowRead();
        return products.values().stream().sorted((a, b) -> Integer.compare(a.id(), b.id())).toList();
    }

    /** @return false if there is no such product */
    boolean setPrice(int id, long cents) {
        return products.computeIfPresent(id, (key, product) -> product.withPrice(cents)) != null;
    }

    private void slowRead() {
        try {
            scheduler.schedule(() -> null, READ_MILLIS, TimeUnit.MILLISECONDS).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the catalog", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the catalog's timer failed", e.getCause());
        }
    }
}
