package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9110 section 5.6.7: the three date forms a recipient must read, and what is not a date. */
class HttpDateTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "Sun, 06 Nov 1994 08:49:37 GMT       | 1994-11-06T08:49:37Z",
                "  Sun, 06 Nov 1994 08:49:37 GMT     | 1994-11-06T08:49:37Z",
                "Sunday, 06-Nov-94 08:49:37 GMT      | 1994-11-06T08:49:37Z",
                "Tuesday, 24-Nov-26 08:49:37 GMT     | 2026-11-24T08:49:37Z",
                "Friday, 01-Jan-76 00:00:00 GMT      | 2076-01-01T00:00:00Z",
                "Thursday, 01-Jan-77 00:00:00 GMT    | 1977-01-01T00:00:00Z",
                "Sun Nov  6 08:49:37 1994            | 1994-11-06T08:49:37Z",
                "Sun Nov 16 08:49:37 1994            | 1994-11-16T08:49:37Z",
                "Thu, 01 Jan 1970 00:00:00 GMT       | 1970-01-01T00:00:00Z",
                "0                                   | null",
                "-1                                  | null",
                "''                                  | null",
                "null                                | null",
                "Sun, 06 Nov 1994 08:49:37 UTC       | null",
                "Sun, 6 Nov 1994 08:49:37 GMT        | null",
                "sun, 06 nov 1994 08:49:37 gmt       | null",
                "Sun, 31 Feb 1994 08:49:37 GMT       | null",
                "Sun, 06 Nov 1994 25:49:37 GMT       | null",
                "Sun, 06 Nov 1994 08:49:37 GMT junk  | null",
                "Sun, 06 Nov 1994 08:49 GMT          | null",
            })
    void readsTheThreeFormsAndNothingElse(String value, String expected) {
        assertEquals(expected == null ? null : Instant.parse(expected), HttpDate.parse(value, NOW));
    }

    @ParameterizedTest
    @CsvSource({
        "1994-11-06T08:49:37Z, 'Sun, 06 Nov 1994 08:49:37 GMT'",
        "2026-11-23T12:00:00.999Z, 'Mon, 23 Nov 2026 12:00:00 GMT'"
    })
    void writesImfFixdate(String instant, String expected) {
        assertEquals(expected, HttpDate.format(Instant.parse(instant)));
        assertEquals(
                Instant.parse(instant).getEpochSecond(),
                HttpDate.parse(expected, NOW).getEpochSecond());
    }
}
