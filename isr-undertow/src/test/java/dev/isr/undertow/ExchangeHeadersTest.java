package dev.isr.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether a request carries the session cookie, which makes the fast lane treat it as possibly authenticated. */
class ExchangeHeadersTest {

    @ParameterizedTest(name = "Cookie: {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "JSESSIONID=abc                      | true",
                "theme=dark; JSESSIONID=abc          | true",
                "theme=dark;JSESSIONID=abc; x=1      | true",
                "JSESSIONID=                         | false",
                "JSESSIONIDX=abc                     | false",
                "XJSESSIONID=abc                     | false",
                "jsessionid=abc                      | false",
                "theme=JSESSIONID=abc                | false",
                "theme=dark                          | false",
            })
    void findsTheSessionCookieByItsExactName(String cookie, boolean session) {
        HeaderMap fields = new HeaderMap();
        fields.add(Headers.COOKIE, cookie.strip());
        assertEquals(session, new ExchangeHeaders(fields).hasCookie("JSESSIONID"));
    }

    @ParameterizedTest(name = "no Cookie field -> false")
    @CsvSource("JSESSIONID")
    void noCookieFieldIsNoSession(String name) {
        assertEquals(false, new ExchangeHeaders(new HeaderMap()).hasCookie(name));
    }
}
