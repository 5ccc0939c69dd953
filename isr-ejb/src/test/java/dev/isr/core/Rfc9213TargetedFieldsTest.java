package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9213: the most specific valid targeted field wins; Cache-Control is the fallback. */
class Rfc9213TargetedFieldsTest {

    @ParameterizedTest(name = "[{index}] isr={0} cdn={1} cc={2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            s-maxage=1 | s-maxage=2 | s-maxage=3 | Isr-Cache-Control
            -          | s-maxage=2 | s-maxage=3 | CDN-Cache-Control
            -          | -          | s-maxage=3 | Cache-Control
            ''         | s-maxage=2 | s-maxage=3 | CDN-Cache-Control
            s-maxage=x | s-maxage=2 | s-maxage=3 | CDN-Cache-Control
            s-maxage=x | s-maxage=" | s-maxage=3 | Cache-Control
            foo        | -          | s-maxage=3 | Cache-Control
            no-store   | -          | s-maxage=3 | Isr-Cache-Control
            -          | S-MaxAge=2 | s-maxage=3 | Cache-Control
            -          | 's-maxage=2, ' | s-maxage=3 | Cache-Control
            -          | s-maxage=2;x=1 | s-maxage=3 | CDN-Cache-Control
            -          | -          | -          | Cache-Control
            """)
    void precedence(String isr, String cdn, String cc, String expected) {
        Map<String, String> fields = new java.util.HashMap<>();
        if (isr != null) {
            fields.put("Isr-Cache-Control", isr);
        }
        if (cdn != null) {
            fields.put("CDN-Cache-Control", cdn);
        }
        if (cc != null) {
            fields.put("Cache-Control", cc);
        }
        HeaderLookup lookup = name -> fields.containsKey(name) ? List.of(fields.get(name)) : List.of();
        assertEquals(expected, DirectiveSource.select(lookup).fieldName());
    }
}
