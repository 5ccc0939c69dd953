package dev.isr.revalidation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where revalidations connect when isr.origin is not set: the server's own listener, never a visitor's Host. */
class ListenerAddressTest {

    @ParameterizedTest(name = "bind {0}, port {1}, offset {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -           | -    | -   | http://127.0.0.1:8080
            127.0.0.1   | -    | -   | http://127.0.0.1:8080
            0.0.0.0     | -    | -   | http://127.0.0.1:8080
            ::          | -    | -   | http://127.0.0.1:8080
            10.0.0.5    | 8081 | 100 | http://10.0.0.5:8181
            127.0.0.1   | -    | 100 | http://127.0.0.1:8180
            fe80::1     | -    | -   | http://[fe80::1]:8080
            127.0.0.1   | nan  | x   | http://127.0.0.1:8080
            """)
    void fromTheServersProperties(String bind, String port, String offset, String expected) {
        Map<String, String> properties = new HashMap<>();
        properties.put("jboss.bind.address", bind);
        properties.put("jboss.http.port", port);
        properties.put("jboss.socket.binding.port-offset", offset);
        assertEquals(expected, ListenerAddress.of(properties::get));
    }
}
