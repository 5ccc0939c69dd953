package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code isr.admin.allowed-networks}: CIDR blocks of address literals, matched bit by bit. */
class ClientNetworksTest {

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                       | 203.0.113.7     | true",
                "10.0.0.0/8               | 10.200.3.4      | true",
                "10.0.0.0/8               | 11.0.0.1        | false",
                "10.1.2.3/8               | 10.9.9.9        | true",
                "192.168.1.0/24           | 192.168.1.255   | true",
                "192.168.1.0/24           | 192.168.2.1     | false",
                "192.168.1.128/25         | 192.168.1.127   | false",
                "192.168.1.128/25         | 192.168.1.128   | true",
                "172.16.0.0/12            | 172.31.255.255  | true",
                "172.16.0.0/12            | 172.32.0.0      | false",
                "127.0.0.1                | 127.0.0.1       | true",
                "127.0.0.1                | 127.0.0.2       | false",
                "0.0.0.0/0                | 8.8.8.8         | true",
                "0.0.0.0/0                | ::1             | false",
                "::1/128                  | ::1             | true",
                "::1                      | 0:0:0:0:0:0:0:1 | true",
                "2001:db8::/32            | 2001:db8:1::5   | true",
                "2001:db8::/32            | 2001:db9::5     | false",
                "10.0.0.0/8               | ::ffff:10.0.0.1 | true",
                "10.0.0.0/8,::1           | ::1             | true",
                "10.0.0.0/8               | not-an-address  | false",
                "10.0.0.0/8               | ''              | false",
                "10.0.0.0/8               | 10.0.0.256      | false",
            })
    void matchesAddressesByPrefix(String networks, String client, boolean allowed) {
        ClientNetworks parsed = ClientNetworks.parse(List.of(networks.split(",")));
        assertEquals(allowed, parsed.allows(client), parsed + " vs " + client);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "intranet.example.com | not an IP address literal",
                "10.0.0.0/33          | must be 0..32",
                "::1/129              | must be 0..128",
                "10.0.0.0/-1          | must be 0..32",
                "10.0.0.0/x           | must be 0..32",
                "300.0.0.0/8          | not an IP address literal",
                "10.0.0/8             | not an IP address literal",
            })
    void refusesWhatIsNotACidrBlockOfALiteral(String network, String message) {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> ClientNetworks.parse(List.of(network)));
        assertTrue(error.getMessage().contains(message), error.getMessage());
        assertTrue(error.getMessage().contains(network), error.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"''", "' '"})
    void nothingConfiguredAllowsEveryNetwork(String value) {
        assertTrue(ClientNetworks.parse(List.of(value)).any());
        assertTrue(ClientNetworks.ANY.allows(null));
    }
}
