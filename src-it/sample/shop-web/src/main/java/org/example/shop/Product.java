package org.example.shop;

/** A product of the catalog; prices in cents. */
public record Product(int id, String name, long priceCents) {

    Product withPrice(long cents) {
        return new Product(id, name, cents);
    }
}
