package dev.isr.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo's data source: a few books in memory, behind a deliberate delay ({@code demo.render.delay-ms}, default
 * 300) that stands for a slow database, CMS or remote API. Every read counts as a render in {@link RenderCounter}.
 *
 * <p>Thread-safe. The request thread waits out the delay ({@link SlowResponses}), as it would on a blocking JDBC or
 * HTTP call. (An asynchronous version made the collapsing of concurrent misses wait out its timeout: see the front
 * door's notes on asynchronous resources.)
 */
@ApplicationScoped
public class Bookshelf {

    @Inject
    @ConfigProperty(name = "demo.render.delay-ms", defaultValue = "300")
    long delayMillis;

    @Inject
    SlowResponses slow;

    private final Map<Integer, Book> books = new ConcurrentHashMap<>();

    public Bookshelf() {
        List.of(
                        new Book(
                                1,
                                "The Pragmatic Cache",
                                "A. Varnish",
                                2019,
                                "How shared caches keep slow origins fast, and when they must not."),
                        new Book(
                                2,
                                "Stale While Revalidate",
                                "R. Nottingham",
                                2010,
                                "Serving yesterday's page today while tomorrow's renders."),
                        new Book(
                                3,
                                "Infinispan in Practice",
                                "J. Groups",
                                2023,
                                "Replicated, distributed and persistent caches on the JVM."),
                        new Book(
                                4,
                                "Jakarta EE on a Cluster",
                                "W. Fly",
                                2025,
                                "Singleton timers, managed executors and two nodes on loopback."),
                        new Book(
                                5,
                                "Conditional Requests",
                                "E. Tag",
                                2022,
                                "Validators, 304 Not Modified and the bytes you never send."),
                        new Book(6, "The Thundering Herd", "C. Lapse", 2018, "One render for a thousand visitors."),
                        new Book(
                                7,
                                "Vary Considered Harmful",
                                "A. Language",
                                2016,
                                "Secondary keys, cookies and the fragmentation of caches."),
                        new Book(
                                8,
                                "Surrogate Keys",
                                "F. Astly",
                                2014,
                                "Purging by tag, in proportion to what changed."),
                        new Book(
                                9,
                                "Durable by Default",
                                "N. Etlify",
                                2024,
                                "Persisting rendered pages across deploys."),
                        new Book(
                                10,
                                "The Soft-Index File Store",
                                "S. Tore",
                                2021,
                                "Append-only logs, compaction and restarts that lose nothing."),
                        new Book(11, "Time Is a Parameter", "T. Icker", 2020, "Testing caches without sleeping."),
                        new Book(
                                12,
                                "Incremental Static Regeneration",
                                "V. Ercel",
                                2020,
                                "Static speed, dynamic freshness."))
                .forEach(book -> books.put(book.id(), book));
    }

    List<Book> all() {
        pause();
        return books.values().stream().sorted(Comparator.comparingInt(Book::id)).toList();
    }

    Optional<Book> find(int id) {
        pause();
        return Optional.ofNullable(books.get(id));
    }

    /** A book without the render delay: for edits, which are not page renders. */
    Optional<Book> peek(int id) {
        return Optional.ofNullable(books.get(id));
    }

    /** Replaces the title and summary of a book; false if there is no such book. */
    boolean update(int id, String title, String summary) {
        return books.computeIfPresent(id, (key, book) -> book.withText(title, summary)) != null;
    }

    private volatile boolean failing;

    boolean failing() {
        return failing;
    }

    void failing(boolean fail) {
        failing = fail;
    }

    private void pause() {
        if (failing) {
            throw new DataSourceUnavailable();
        }
        slow.await(delayMillis);
    }
}
