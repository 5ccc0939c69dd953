package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "[{index}] {0} = {1}")
    @CsvSource(textBlock = """
            500ms, PT0.5S
            10s,   PT10S
            10,    PT10S
            5m,    PT5M
            2h,    PT2H
            1d,    PT24H
            PT10S, PT10S
            pt1m,  PT1M
            ' 30s ', PT30S
            """)
    void parses(String value, String expected) {
        assertEquals(Duration.parse(expected), Durations.parse(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten", "-5s", "5 weeks", "PT-5S", "1.5s"})
    void rejectsWithTheValueInTheMessage(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(value));
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }
}
