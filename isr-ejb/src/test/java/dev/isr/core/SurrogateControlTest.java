package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edge Architecture 1.0: the {@code Surrogate-Control} directives for this surrogate, and their place among fields. */
class SurrogateControlTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "max-age=3600                | s-maxage=3600",
                "MaX-aGe=3600                | s-maxage=3600",
                "foobar, max-age=3600        | s-maxage=3600",
                "max-age=3600;isr            | s-maxage=3600",
                "max-age=3600;not-for-you    | ''",
                "max-age=60+30               | s-maxage=60",
                "max-age =100                | ''",
                "max-age= 100                | ''",
                "no-store                    | no-store",
                "no-store;other, max-age=5   | s-maxage=5",
                "content=\"ESI/1.0\"         | ''",
                "max-age=99999999999         | s-maxage=99999999999",
            })
    void readsTheDirectivesForThisSurrogate(String value, String expected) {
        assertEquals(expected, SurrogateControl.directivesFor(value, SurrogateControl.DEVICE));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Surrogate-Control: max-age=60;; Cache-Control: no-store                             | Surrogate-Control
            CDN-Cache-Control: s-maxage=5;; Surrogate-Control: max-age=60;; Cache-Control: no-store | CDN-Cache-Control
            Surrogate-Control: max-age=60;other;; Cache-Control: max-age=10                     | Cache-Control
            Surrogate-Control: foo;; Cache-Control: max-age=10                                  | Cache-Control
            """)
    void comesAfterTheTargetedFieldsAndBeforeCacheControl(String fields, String expected) {
        assertEquals(expected, DirectiveSource.select(Fields.of(fields)).fieldName());
    }
}
