package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9651 section 3.2: which values are Structured Field Dictionaries (the targeted fields of RFC 9213 must be). */
class StructuredDictionaryTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "max-age=60                                           | true",
                "s-maxage=60, stale-while-revalidate=86400, durable   | true",
                "s-maxage=60,stale-if-error=600                       | true",
                "'  no-store  '                                       | true",
                "''                                                   | true",
                "max-age=60;a=1;b, private                            | true",
                "a=?0, b=?1, c=-12, d=1.5, e=\"x\\\"y\", f=tok/en:1, g=:aGk=:, h=(1 2 \"x\");p | true",
                "*star=1                                              | true",
                "Max-Age=60                                           | false",
                "max-age=60,                                          | false",
                ", max-age=60                                         | false",
                "max-age=60,, private                                 | false",
                "max-age=                                             | false",
                "max-age=60 private                                   | false",
                "max-age=1.2345                                       | false",
                "max-age=1234567890123456                             | false",
                "a=\"unterminated                                     | false",
                "a=\"bad\\escape\"                                     | false",
                "a=?2                                                 | false",
                "a=:not base64!:                                      | false",
                "a=(1 2                                               | false",
                "1a=1                                                 | false",
                "a=é                                                  | false",
            })
    void decidesValidity(String value, boolean valid) {
        assertEquals(valid, StructuredDictionary.isValid(value));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "max-age=60;a=1;b, private   | max-age=60, private",
                "max-age=60                  | max-age=60",
                "a=\"x;y\";p=1, b           | a=\"x;y\", b",
                "no-store;x=\"1,2\", max-age=1 | no-store, max-age=1",
            })
    void dropsParameters(String value, String expected) {
        assertEquals(expected, StructuredDictionary.withoutParameters(value));
    }
}
