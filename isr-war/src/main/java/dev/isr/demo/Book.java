package dev.isr.demo;

import java.util.Objects;

/** A book on the demo shelf. */
public record Book(int id, String title, String author, int year, String summary) {

    public Book {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(summary, "summary");
        if (id < 1) {
            throw new IllegalArgumentException("id must be positive: " + id);
        }
    }

    Book withText(String newTitle, String newSummary) {
        return new Book(id, newTitle, author, year, newSummary);
    }
}
