package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cache keys: path plus sorted query, tracking parameters removed. */
class CacheKeyFactoryTest {

    private final CacheKeyFactory keys = new CacheKeyFactory(IsrConfig.DEFAULT_IGNORED_QUERY_PARAMS);

    @ParameterizedTest(name = "[{index}] {0} ? {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            /books      | -                                | /books
            /books      | ''                               | /books
            /books      | b=2&a=1                          | /books?a=1&b=2
            /books      | a=2&a=1                          | /books?a=1&a=2
            /books      | utm_source=x&page=2&UTM_medium=y | /books?page=2
            /books      | fbclid=1&gclid=2&msclkid=3       | /books
            /books      | mc_cid=1&mc_eid=2&q=isr          | /books?q=isr
            /books      | a=1&&b=2&                        | /books?a=1&b=2
            /books      | flag&a=1                         | /books?a=1&flag
            /books      | =x&a=1                           | /books?a=1
            /books      | q=a%20b                          | /books?q=a%20b
            /books/1    | utm_campaign=z                   | /books/1
            """)
    void normalizes(String path, String query, String expected) {
        assertEquals(expected, keys.keyFor(new RequestTarget("", path, query)).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "*"})
    void rejectsMeaninglessIgnoredParams(String param) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new CacheKeyFactory(List.of(param)));
        assertEquals("ignored query parameter must be a name or a prefix*: '" + param + "'", e.getMessage());
    }
}
