package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Freshness lifetime from {@code Expires} and age from {@code Age} and {@code Date} (RFC 9111 sections 4.2.1, 4.2.3,
 * 5.1 and 5.3). Dates are written relative to the moment the response is received: {@code Date: -10} is ten seconds
 * before it, as the suite's origin writes them.
 */
class Rfc9111AgeTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T12:00:00Z");
    private static final Pattern RELATIVE_DATE = Pattern.compile("((?:Date|Expires): )(-?\\d+)(?=;|$)");
    private final ResponseStorability storability = new ResponseStorability(IsrConfig.DEFAULT_STORABLE_STATUSES, false);

    /** {@code Name: value; Name: value}, where a date field's integer value is seconds from {@link #RECEIVED}. */
    private static HeaderLookup fields(String spec) {
        return Fields.lines(
                spec == null
                        ? null
                        : RELATIVE_DATE
                                .matcher(spec)
                                .replaceAll(date -> date.group(1)
                                        + HttpDate.format(RECEIVED.plusSeconds(Long.parseLong(date.group(2))))));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Date: 0; Expires: 60                                              | fresh for 60
            Date: -30; Expires: 30                                            | fresh for 60
            Date: 0; Expires: 60; Cache-Control: public                       | fresh for 60
            Date: 0; Expires: 60; Cache-Control: max-age=10                   | fresh for 10
            Date: 0; Expires: 60; Cache-Control: s-maxage=5, max-age=10       | fresh for 5
            Date: 0; Expires: -60                                             | zero-lifetime
            Date: 0; Expires: 0                                               | zero-lifetime
            Date: 0; Expires: 0; Cache-Control: stale-while-revalidate=30     | fresh for 0
            Date: 0; Expires: 60; Cache-Control: no-store                     | no-store
            Date: 0; Expires: never                                           | zero-lifetime
            Date: 0; Expires: 0                                               | zero-lifetime
            Expires: 60                                                       | zero-lifetime
            Date: 0; Expires: 60; CDN-Cache-Control: s-maxage=5               | fresh for 5
            Date: 0; Expires: 60; CDN-Cache-Control: public                   | no-freshness
            Date: 0; Expires: Sunday, 24-Nov-26 12:00:00 GMT                  | fresh for 86400
            Date: 0; Expires: Tue Nov 24 12:00:00 2026                        | fresh for 86400
            """)
    void expiresMinusDateIsTheLifetimeWhenNoDirectiveGivesOne(String headers, String expected) {
        StoreDecision decision = storability.assess("GET", false, 200, fields(headers));
        String actual = decision instanceof StoreDecision.Store store
                ? "fresh for " + store.policy().freshFor().getSeconds()
                : ((StoreDecision.Bypass) decision).detail();
        assertEquals(expected, actual);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                        | 0
            Date: 0                  | 0
            Date: -30                | 30
            Date: 30                 | 0
            Age: 100                 | 100
            Age: 100; Date: -30      | 100
            Age: 10; Date: -30       | 30
            Age: 100, 50             | 2147483648
            Age: 0, 0                | 2147483648
            Age: 0; Age: 0           | 2147483648
            Age: 7200 foo=bar        | 2147483648
            Age: -5                  | 2147483648
            Age: 1.5                 | 2147483648
            Age: abc                 | 2147483648
            Age:                     | 2147483648
            Age: 99999999999999      | 2147483648
            Date: Sunday, 22-Nov-26 12:00:00 GMT | 86400
            Date: garbage            | 0
            """)
    void initialAgeIsTheLargerOfAgeAndTheApparentAge(String headers, long expectedSeconds) {
        assertEquals(Duration.ofSeconds(expectedSeconds), ResponseAge.correctedInitialAge(fields(headers), RECEIVED));
    }
}
