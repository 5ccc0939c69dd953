package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The origin part of every key: RFC 9110 section 4.2.3 normalization, and hostile Host values refused. */
class OriginTest {

    @ParameterizedTest(name = "{0} + Host {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            http  | www.example.com       | http://www.example.com
            http  | WWW.Example.COM       | http://www.example.com
            http  | www.example.com:80    | http://www.example.com
            https | www.example.com:443   | https://www.example.com
            http  | www.example.com:443   | http://www.example.com:443
            http  | www.example.com.      | http://www.example.com
            http  | 127.0.0.1:8080        | http://127.0.0.1:8080
            http  | [::1]:8080            | http://[::1]:8080
            HTTP  | localhost             | http://localhost
            """)
    void requestOriginIsNormalized(String scheme, String host, String origin) {
        assertEquals(origin, Origin.ofRequest(scheme, host).value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "evil.example/x",
                "evil.example?x",
                "user@evil.example",
                "evil example",
                "evil.example:",
                "evil.example:0",
                "evil.example:65536",
                "evil.example:8o",
                "evil.example:123456",
                "-evil.example",
                "evil_example",
                "[::1",
                "a..b",
                "\u00e9vil.example"
            })
    void hostileHostIsNoOrigin(String host) {
        assertNull(Origin.ofRequest("http", host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "javascript", ""})
    void onlyHttpSchemes(String scheme) {
        assertNull(Origin.ofRequest(scheme, "www.example.com"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.example.com     | https://www.example.com
            https://WWW.example.com:443 | https://www.example.com
            http://localhost:8080       | http://localhost:8080
            """)
    void configuredOriginIsNormalized(String configured, String origin) {
        assertEquals(origin, Origin.parse(configured).value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "www.example.com",
                "https://www.example.com/",
                "https://www.example.com/path",
                "https://",
                "mailto://x"
            })
    void configuredOriginMustBeSchemeHostPort(String configured) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Origin.parse(configured));
        assertEquals(true, e.getMessage().contains(configured), e.getMessage());
    }

    @ParameterizedTest(name = "{0}: authority {1}, port {2}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.example.com      | www.example.com      | 443
            http://www.example.com       | www.example.com      | 80
            http://www.example.com:8080  | www.example.com:8080 | 8080
            """)
    void authorityAndEffectivePort(String origin, String authority, int port) {
        Origin parsed = Origin.parse(origin);
        assertEquals(authority, parsed.authority());
        assertEquals(port, parsed.effectivePort());
    }
}
