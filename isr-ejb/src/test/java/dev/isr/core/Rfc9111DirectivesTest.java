package dev.isr.core;

import static dev.isr.core.CacheControl.ABSENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing of cache directives as RFC 9111 section 5.2 (and RFC 5861) describe them. */
class Rfc9111DirectivesTest {

    @ParameterizedTest(name = "[{index}] {0} -> s-maxage {1}, max-age {2}, swr {3}, sie {4}")
    @CsvSource(delimiter = '|', textBlock = """
            s-maxage=60                                  | 60 | -1 | -1 | -1
            max-age=30                                   | -1 | 30 | -1 | -1
            s-maxage=60, max-age=30                      | 60 | 30 | -1 | -1
            'max-age=0, s-maxage=10'                     | 10 |  0 | -1 | -1
            S-MAXAGE=60                                  | 60 | -1 | -1 | -1
            Max-Age=5                                    | -1 |  5 | -1 | -1
            s-maxage="60"                                | 60 | -1 | -1 | -1
            s-maxage = 60                                | 60 | -1 | -1 | -1
            ' s-maxage=60 ,, stale-while-revalidate=30 ' | 60 | -1 | 30 | -1
            s-maxage=60, stale-if-error=600              | 60 | -1 | -1 | 600
            s-maxage=1, s-maxage=100                     |  1 | -1 | -1 | -1
            s-maxage=99999999999999999999                | 2147483648 | -1 | -1 | -1
            s-maxage=2147483649                          | 2147483648 | -1 | -1 | -1
            """)
    void deltaSecondsDirectives(String value, long sMaxAge, long maxAge, long swr, long sie) {
        CacheControl cc = CacheControl.parse(value);
        assertEquals(sMaxAge, cc.sMaxAge(), "s-maxage");
        assertEquals(maxAge, cc.maxAge(), "max-age");
        assertEquals(swr, cc.staleWhileRevalidate(), "stale-while-revalidate");
        assertEquals(sie, cc.staleIfError(), "stale-if-error");
        assertFalse(cc.malformed(), "malformed");
    }

    @ParameterizedTest(name = "[{index}] {0} is malformed")
    @ValueSource(
            strings = {
                "s-maxage=-5",
                "s-maxage=abc",
                "s-maxage=",
                "s-maxage",
                "max-age=1.5",
                "max-age=+5",
                "max-age=0x10",
                "s-maxage=\"60",
                "s-maxage=\"60\"x",
                "s-maxage=60 60",
                "stale-while-revalidate=-1",
                "stale-if-error=ten",
                "=60"
            })
    void malformedValuesNeverThrow(String value) {
        assertTrue(CacheControl.parse(value).malformed());
    }

    @Test
    void invalidDuplicateDoesNotOverrideValidFirst() {
        CacheControl cc = CacheControl.parse("s-maxage=60, s-maxage=abc");
        assertEquals(60, cc.sMaxAge());
        assertTrue(cc.malformed(), "the invalid occurrence still makes the field malformed");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            public           | public
            private          | private
            PRIVATE          | private
            private="Set-Cookie" | private
            no-store         | no-store
            no-cache         | no-cache
            no-cache="X-Foo" | no-cache
            must-revalidate  | must-revalidate
            proxy-revalidate | proxy-revalidate
            durable          | durable
            Durable          | durable
            """)
    void flagDirectives(String value, String flag) {
        CacheControl cc = CacheControl.parse(value);
        assertEquals(flag.equals("public"), cc.isPublic(), "public");
        assertEquals(flag.equals("private"), cc.isPrivate(), "private");
        assertEquals(flag.equals("no-store"), cc.noStore(), "no-store");
        assertEquals(flag.equals("no-cache"), cc.noCache(), "no-cache");
        assertEquals(flag.equals("must-revalidate"), cc.mustRevalidate(), "must-revalidate");
        assertEquals(flag.equals("proxy-revalidate"), cc.proxyRevalidate(), "proxy-revalidate");
        assertEquals(flag.equals("durable"), cc.durable(), "durable");
        assertFalse(cc.malformed());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", ",", "immutable", "x-unknown=1, foo"})
    void absentEmptyOrUnknownOnlyIsEmpty(String value) {
        CacheControl cc = CacheControl.parse(value);
        assertTrue(cc.isEmpty(), String.valueOf(cc));
        assertEquals(ABSENT, cc.sharedMaxAge());
    }

    @Test
    void unknownDirectivesAreIgnored() {
        CacheControl cc = CacheControl.parse("community=\"UCI\", s-maxage=10, foo=bar");
        assertEquals(10, cc.sMaxAge());
        assertFalse(cc.malformed());
    }

    @Test
    void quotedArgumentMayContainComma() {
        CacheControl cc = CacheControl.parse("private=\"Set-Cookie, X-Foo\", max-age=5");
        assertTrue(cc.isPrivate());
        assertEquals(5, cc.maxAge());
    }

    @Test
    void sharedMaxAgePrefersSMaxAge() {
        assertEquals(60, CacheControl.parse("max-age=5, s-maxage=60").sharedMaxAge());
        assertEquals(5, CacheControl.parse("max-age=5").sharedMaxAge());
    }
}
