package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code @Isr} as text: what deployment-time validation reports (one row per bad value, with the message), and how a
 * valid declaration resolves for one invocation (tag templates filled from the method's parameters).
 */
class PolicyDeclarationTest {

    private static final List<String> PARAMETERS = List.of("id", "slug");

    private static PolicyDeclaration declaration(String member, String value) {
        List<String> values = value.isEmpty() ? List.of() : Arrays.asList(value.split(" ; "));
        return new PolicyDeclaration(
                member.equals("maxAge") ? value : "60s",
                member.equals("staleWhileRevalidate") ? value : "",
                member.equals("staleIfError") ? value : "",
                false,
                false,
                member.equals("tags") ? values : List.of(),
                member.equals("varyQuery") ? values : PolicyDeclaration.ALL_QUERY,
                member.equals("varyHeader") ? values : List.of(),
                member.equals("varyCookie") ? values : List.of());
    }

    @ParameterizedTest(name = "[{index}] {0} = {1}")
    @CsvSource(delimiterString = " :: ", textBlock = """
            maxAge :: 6O s :: maxAge "6O s" is not a duration (500ms, 10s, 5m, 2h, 1d...)
            maxAge :: -5s :: maxAge "-5s" is not a duration (500ms, 10s, 5m, 2h, 1d...)
            maxAge :: PT-5S :: maxAge "PT-5S" is not a duration (500ms, 10s, 5m, 2h, 1d...)
            maxAge :: 1500ms :: maxAge "1500ms" is not a whole number of seconds, 0 to 2147483648
            staleWhileRevalidate :: 1 day :: staleWhileRevalidate "1 day" is not a duration (500ms, 10s, 5m, 2h, 1d...)
            staleIfError :: x :: staleIfError "x" is not a duration (500ms, 10s, 5m, 2h, 1d...)
            tags :: book-{x} :: tag "book-{x}" names {x}, which is not a parameter of the method (known: id, slug)
            tags :: book-{id :: tag "book-{id" is not a template: '{' without '}' in tag template 'book-{id'
            tags :: book-{} :: tag "book-{}" is not a template: empty placeholder {} in tag template 'book-{}'
            tags :: two words :: tag "two words" is not a valid tag (1..128 visible ASCII characters, no , " or \\)
            tags :: a,b-{id} :: tag "a,b-{id}" is not a valid tag (1..128 visible ASCII characters, no , " or \\)
            varyQuery :: a=b :: varyQuery "a=b" is not a query parameter name ("*" only alone)
            varyQuery :: * ; page :: varyQuery "*" is not a query parameter name ("*" only alone)
            varyHeader :: Accept Lang :: varyHeader "Accept Lang" is not a header field name
            varyHeader :: Cookie :: varyHeader "Cookie" would key on credentials (name the cookie in varyCookie instead)
            varyCookie :: a;b :: varyCookie "a;b" is not a cookie name
            """)
    void aBadValueIsReportedWithTheMemberAndTheValue(String member, String value, String message) {
        assertEquals(List.of(message), declaration(member, value).problems(PARAMETERS));
    }

    @ParameterizedTest(name = "[{index}] {0} = {1}")
    @CsvSource(delimiterString = " :: ", textBlock = """
            maxAge :: 0
            maxAge :: PT10M
            staleWhileRevalidate :: 1d
            tags :: books ; book-{id} ; {slug}-{id}
            varyQuery :: page ; sort
            varyQuery :: ''
            varyHeader :: Accept-Language
            varyCookie :: ab_test
            """)
    void aGoodValueIsNotReported(String member, String value) {
        assertEquals(List.of(), declaration(member, value).problems(PARAMETERS));
    }

    @Test
    void everyBadValueIsReported() {
        PolicyDeclaration bad = new PolicyDeclaration(
                "x", "y", "", false, false, List.of("{nope}"), List.of("*"), List.of(), List.of());
        assertEquals(3, bad.problems(List.of()).size());
    }

    @Test
    void resolvingFillsTemplatesAndParsesDurations() {
        PolicyDeclaration book = new PolicyDeclaration(
                "60s",
                "1d",
                "",
                true,
                false,
                List.of("books", "book-{id}", "{slug}-{id}"),
                PolicyDeclaration.ALL_QUERY,
                List.of(),
                List.of());
        DeclaredPolicy policy = book.resolve(Map.of("id", "7", "slug", "dune")::get);
        assertEquals(List.of("books", "book-7", "dune-7"), policy.tags());
        assertEquals(Duration.ofSeconds(60), policy.maxAge());
        assertEquals(Duration.ofDays(1), policy.staleWhileRevalidate());
        assertNull(policy.staleIfError());
        assertNull(policy.varyQuery(), "{\"*\"}: every query parameter");
    }

    @Test
    void aTagWhoseParameterHasNoValueIsLeftOut() {
        PolicyDeclaration book = new PolicyDeclaration(
                "60s", "", "", false, false, List.of("books", "book-{id}"), List.of(), List.of(), List.of());
        DeclaredPolicy policy = book.resolve(name -> null);
        assertEquals(List.of("books"), policy.tags());
        assertEquals(List.of(), policy.varyQuery(), "{}: no query parameter");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " :: ", textBlock = """
            plain :: ''
            book-{id} :: id
            {a}-{b}-{a} :: a b a
            """)
    void templateParameters(String template, String names) {
        assertEquals(
                names.isEmpty() ? List.of() : List.of(names.split(" ")),
                TagTemplate.parse(template).parameters());
    }

    @Test
    void aTemplateRejectsAStrayClosingBrace() {
        assertThrows(IllegalArgumentException.class, () -> TagTemplate.parse("book}"));
    }
}
