package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A declared policy ({@code @Isr}, {@code IsrContext}) as header fields: one row per case, with the fields the
 * application set explicitly and the {@code Isr-*} fields added. Explicit fields win, each for its own part.
 */
class DeclaredPolicyTest {

    private static final DeclaredPolicy BOOK = new DeclaredPolicy(
            Duration.ofSeconds(60),
            Duration.ofDays(1),
            null,
            true,
            false,
            List.of("books", "book-7"),
            null,
            List.of(),
            List.of(),
            null);

    private static HeaderLookup fields(String spec) {
        return Fields.of(spec);
    }

    private static String added(DeclaredPolicy policy, String explicit) {
        return policy.fields(fields(explicit)).stream()
                .map(h -> h.name() + ": " + h.value())
                .collect(Collectors.joining(";; "));
    }

    @Test
    void aBookPageDeclaresItsDirectivesAndTags() {
        assertEquals(
                "Isr-Cache-Control: s-maxage=60, stale-while-revalidate=86400, durable;; "
                        + "Isr-Cache-Tag: books, book-7",
                added(BOOK, null));
    }

    /** Which fields are added: {@code directives}, {@code tags}, both or {@code none}. */
    @ParameterizedTest(name = "[{index}] explicit [{0}] -> {1}")
    @CsvSource(delimiterString = " :: ", nullValues = "-", textBlock = """
            - :: directives tags
            Cache-Control: public, max-age=0, must-revalidate :: tags
            Cache-Control: must-revalidate :: directives tags
            Cache-Control: public :: directives tags
            Cache-Control: s-maxage=5 :: tags
            Cache-Control: no-store :: tags
            Cache-Control: private :: tags
            Cache-Control: no-cache :: tags
            CDN-Cache-Control: s-maxage=5 :: tags
            Isr-Cache-Control: s-maxage=5 :: tags
            Cache-Tag: explicit :: directives
            Surrogate-Key: explicit :: directives
            Isr-Cache-Tag: explicit :: directives
            Isr-Cache-Tag: explicit;; CDN-Cache-Control: s-maxage=5 :: none
            """)
    void explicitFieldsWinEachForItsOwnPart(String explicit, String expected) {
        String added = BOOK.fields(fields(explicit)).stream()
                .map(h -> h.name().equals("Isr-Cache-Control") ? "directives" : "tags")
                .collect(Collectors.joining(" "));
        assertEquals(expected, added.isEmpty() ? "none" : added);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiterString = " :: ", textBlock = """
            strict :: Isr-Cache-Control: s-maxage=60, proxy-revalidate
            stale-if-error :: Isr-Cache-Control: s-maxage=60, stale-if-error=600
            no-max-age :: ''
            query-none :: Isr-Cache-Control: s-maxage=60;; Isr-Vary: query=
            query-some :: Isr-Cache-Control: s-maxage=60;; Isr-Vary: query=sort|page
            everything :: Isr-Cache-Control: s-maxage=60;; Isr-Vary: query=q, cookie=ab, header=Accept-Language
            """)
    void directivesAndVary(String name, String expected) {
        DeclaredPolicy minute = DeclaredPolicy.NONE.withMaxAge(Duration.ofMinutes(1));
        DeclaredPolicy policy = switch (name) {
            case "strict" ->
                new DeclaredPolicy(
                        minute.maxAge(), null, null, false, true, List.of(), null, List.of(), List.of(), null);
            case "stale-if-error" -> minute.withStaleIfError(Duration.ofMinutes(10));
            case "no-max-age" ->
                DeclaredPolicy.NONE.withStaleIfError(Duration.ofMinutes(10)).withDurable(true);
            case "query-none" -> vary(minute, List.of(), List.of(), List.of());
            case "query-some" -> vary(minute, List.of("sort", "page"), List.of(), List.of());
            default -> vary(minute, List.of("q"), List.of("Accept-Language"), List.of("ab"));
        };
        assertEquals(expected.isEmpty() ? "" : expected, added(policy, null));
    }

    private static DeclaredPolicy vary(
            DeclaredPolicy base, List<String> query, List<String> headers, List<String> cookies) {
        return new DeclaredPolicy(base.maxAge(), null, null, false, false, List.of(), query, headers, cookies, null);
    }

    @Test
    void theFieldsParseAsTheRulesReadThem() {
        List<Header> added = vary(
                        DeclaredPolicy.NONE.withMaxAge(Duration.ofMinutes(1)),
                        List.of("sort", "page"),
                        List.of("Accept-Language"),
                        List.of("ab"))
                .fields(fields(null));
        VaryRule rule = VaryRule.parse(added.get(1).value(), null);
        assertEquals(new VaryRule(List.of("page", "sort"), List.of("ab"), List.of("accept-language")), rule);
        assertEquals(60, CacheControl.parse(added.get(0).value()).sMaxAge());
    }

    @Test
    void tagsAddUpWithoutDuplicates() {
        assertEquals(
                List.of("books", "book-7", "author-3"),
                BOOK.withTags(List.of("author-3", "books")).tags());
    }

    @Test
    void aLaterDeclarationReplacesLifetimesAndAddsTags() {
        DeclaredPolicy service = new DeclaredPolicy(
                Duration.ofSeconds(5),
                null,
                null,
                false,
                true,
                List.of("author-3"),
                List.of(),
                List.of(),
                List.of(),
                null);
        DeclaredPolicy after = BOOK.withUncacheable("preview").followedBy(service);
        assertEquals(Duration.ofSeconds(5), after.maxAge());
        assertEquals(null, after.staleWhileRevalidate());
        assertEquals(List.of("books", "book-7", "author-3"), after.tags());
        assertEquals("preview", after.uncacheable(), "an uncacheable mark stays");
    }

    @Test
    void theFirstUncacheableReasonIsKept() {
        assertEquals(
                "draft",
                BOOK.withUncacheable("draft").withUncacheable("preview").uncacheable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "1starts-with-digit", "semi;colon", "quote\"", "é"})
    void aReasonMustBeAToken(String reason) {
        assertThrows(IllegalArgumentException.class, () -> BOOK.withUncacheable(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT-1S", "PT0.5S", "PT1.001S"})
    void durationsAreWholeSecondsZeroOrMore(String duration) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> DeclaredPolicy.NONE.withMaxAge(Duration.parse(duration)));
        assertEquals(true, e.getMessage().contains("maxAge"), e.getMessage());
    }
}
