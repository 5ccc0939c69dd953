package dev.isr.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which {@code Set-Cookie} fields added by the container are the cookie of the render's own session (the session
 * signal, as Payara adds it) and which are cookies that make a response per-visitor on their own.
 */
class VisitorTrackerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "JSESSIONID=abc123; Path=/; HttpOnly                | true",
                "JSESSIONID=abc123                                  | true",
                "JSESSIONID=abc123.node1; Path=/                    | true",
                "JSESSIONID=abc1234; Path=/                         | false",
                "JSESSIONID=other; Path=/                           | false",
                "jsessionid=abc123; Path=/                          | false",
                "JSESSIONIDSSO=abc123; Path=/                       | false",
                "theme=dark; Path=/                                 | false",
                "'JSESSIONID=abc123, theme=dark'                    | false",
            })
    void onlyTheSessionsOwnCookieIsTheSessionSignal(String field, boolean session) {
        assertEquals(session, VisitorTracker.isSessionCookie(field.strip(), "JSESSIONID", "abc123"));
    }
}
