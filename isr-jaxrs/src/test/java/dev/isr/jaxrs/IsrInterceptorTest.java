package dev.isr.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isr.api.Isr;
import dev.isr.api.IsrContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code @Isr} interceptor and {@link IsrContext} under Weld: what a request's context holds after annotated
 * methods ran (as the {@code Isr-*} fields {@link ResponseCapture} adds), with templates filled from path, query and
 * plain parameters, method-level annotations replacing the class's, and services refining the policy.
 */
@EnableWeld
class IsrInterceptorTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(
                    IsrInterceptor.class,
                    IsrDeclarations.class,
                    RequestIsrContext.class,
                    Books.class,
                    Shelf.class,
                    Authors.class,
                    AuthorService.class)
            .activate(RequestScoped.class)
            .build();

    @Inject
    Books books;

    @Inject
    Shelf shelf;

    @Inject
    Authors authors;

    @Inject
    RequestIsrContext context;

    @Dependent
    static class Books {

        @Isr(
                maxAge = "60s",
                staleWhileRevalidate = "1d",
                durable = true,
                tags = {"books", "book-{id}"})
        String book(@PathParam("id") int id) {
            return "book " + id;
        }

        /** {@code page} is named by {@code javac -parameters}, {@code q} by its {@code @QueryParam}. */
        @Isr(
                maxAge = "5m",
                strict = true,
                tags = {"search-{q}", "page-{page}"},
                varyQuery = {"q", "page"})
        String search(@QueryParam("q") String q, int page) {
            return "search " + q + " " + page;
        }

        @Isr(
                maxAge = "1m",
                varyQuery = {},
                varyHeader = "Accept-Language",
                varyCookie = "ab")
        String localized() {
            return "localized";
        }

        String plain() {
            return "plain";
        }
    }

    @Dependent
    @Isr(maxAge = "30s", tags = "shelf")
    static class Shelf {

        String inherited() {
            return "inherited";
        }

        @Isr(staleIfError = "1h", tags = "own")
        String own() {
            return "own";
        }
    }

    @Dependent
    static class Authors {

        @Inject
        AuthorService service;

        @Isr(maxAge = "60s", tags = "authors")
        String author(@PathParam("name") String name) {
            return service.describe(name);
        }
    }

    @Dependent
    static class AuthorService {

        @Inject
        IsrContext isr;

        String describe(String name) {
            isr.addTags("author-" + name).maxAge(Duration.ofMinutes(5));
            if (name.startsWith("draft")) {
                isr.uncacheable("draft");
            }
            return "author " + name;
        }
    }

    private static final Map<String, String> SHORT =
            Map.of("Isr-Cache-Control", "cc", "Isr-Cache-Tag", "tag", "Isr-Vary", "vary");

    /** The fields the context adds to a response without fields of its own: {@code cc ...; tag ...; vary ...}. */
    private String fields() {
        return context.policy().fields(name -> List.of()).stream()
                .map(h -> SHORT.get(h.name()) + " " + h.value())
                .collect(Collectors.joining("; "));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            book 7 => cc s-maxage=60, stale-while-revalidate=86400, durable; tag books, book-7
            search => cc s-maxage=300, proxy-revalidate; tag search-dune, page-2; vary query=q|page
            search without q => cc s-maxage=300, proxy-revalidate; tag page-1; vary query=q|page
            localized => cc s-maxage=60; vary query=, cookie=ab, header=Accept-Language
            plain => ''
            class level => cc s-maxage=30; tag shelf
            method replaces class => tag own
            two calls => cc s-maxage=300, proxy-revalidate; tag books, book-3, search-x, page-1; vary query=q|page
            service refines => cc s-maxage=300; tag authors, author-herbert
            """)
    void aRequestDeclares(String invocation, String expected) {
        switch (invocation) {
            case "book 7" -> books.book(7);
            case "search" -> books.search("dune", 2);
            case "search without q" -> books.search(null, 1);
            case "localized" -> books.localized();
            case "plain" -> books.plain();
            case "class level" -> shelf.inherited();
            case "method replaces class" -> shelf.own();
            case "two calls" -> {
                books.book(3);
                books.search("x", 1);
            }
            case "service refines" -> authors.author("herbert");
            default -> throw new IllegalArgumentException(invocation);
        }
        assertEquals(expected, fields());
    }

    @Test
    void theMethodRunsWithItsArgumentsAndResult() {
        assertEquals("book 7", books.book(7));
        assertEquals("author herbert", authors.author("herbert"));
    }

    @Test
    void aServiceCanMarkTheResponseUncacheable() {
        authors.author("draft-1");
        assertEquals(Optional.of("draft"), context.uncacheableReason());
        assertEquals(List.of("authors", "author-draft-1"), context.tags());
        assertEquals("draft", context.policy().uncacheable());
    }

    @Test
    void withoutIsrAMaxAgeMakesTheResponseCacheable() {
        context.maxAge(Duration.ofSeconds(30)).addTags("context-only").durable(true);
        assertEquals("cc s-maxage=30, durable; tag context-only", fields());
        assertEquals(Optional.of(Duration.ofSeconds(30)), context.maxAge());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            tag    | two words
            tag    | a,b
            reason | two words
            reason | 9lives
            reason | ''
            """)
    void badValuesAreRejectedWhereTheyAreMade(String kind, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            if (kind.equals("tag")) {
                context.addTags(value);
            } else {
                context.uncacheable(value);
            }
        });
        assertEquals(true, e.getMessage().contains("'" + value + "'"), e.getMessage());
    }

    @Test
    void outsideARequestTheMethodJustRuns() {
        try (WeldContainer container = new Weld()
                .disableDiscovery()
                .beanClasses(IsrInterceptor.class, IsrDeclarations.class, RequestIsrContext.class, Books.class)
                .initialize()) {
            assertEquals("book 7", container.select(Books.class).get().book(7));
        }
    }
}
