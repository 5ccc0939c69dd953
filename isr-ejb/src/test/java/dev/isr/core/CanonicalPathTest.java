package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One resource, one path: RFC 3986 normalization as the front door applies it before keys are built. */
class CanonicalPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /                    | /
            /books/1             | /books/1
            /books/%31           | /books/1
            /%62ooks/1           | /books/1
            /books/1;x=1         | /books/1
            /books;v=2/1;x=1;y=2 | /books/1
            /books/./1           | /books/1
            /books/x/../1        | /books/1
            /books/%2E%2E/1      | /1
            /../../books/1       | /books/1
            /books/              | /books/
            /books/.             | /books/
            /books/x/..          | /books/
            /a%2fb               | /a%2Fb
            /a%2Fb               | /a%2Fb
            /caf%c3%a9           | /caf%C3%A9
            /%7Euser             | /~user
            /a//b                | /a//b
            """)
    void normalizesToOneForm(String raw, String canonical) {
        assertEquals(canonical, CanonicalPath.of(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "books", "/a%", "/a%4", "/a%zz", "/a b", "/a\tb", "/a\u0000b", "/a?b", "/a#b"})
    void rejectsWhatIsNotAnAbsolutePath(String raw) {
        assertNull(CanonicalPath.of(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/books/1", "/books/%31", "/books/1;jsessionid=x", "/books/./1", "/x/../books/1"})
    void canonicalFormIsAFixedPoint(String raw) {
        String once = CanonicalPath.of(raw);
        assertEquals(once, CanonicalPath.of(once));
    }
}
