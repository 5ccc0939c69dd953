package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** This node's offset from the cluster's clock: the median of the peers' offsets and its own, negated. */
class ClockSkewTest {

    @ParameterizedTest(name = "peers at {0}: this node {1} ms")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                | 0",
                "5000              | -2500",
                "-5000             | 2500",
                "10,20             | -10",
                "-8000,-8010       | 8000",
                "8000,8010         | -8000",
                "3,-4,1            | 0",
                "3,-4,1,2          | -1",
                "0,0,9000          | 0",
                "-60000,-60000,-60000,-59990 | 60000",
            })
    void theMedianOfAllClocksIsTheClusters(String peers, long expected) {
        List<Long> offsets = peers.isBlank()
                ? List.of()
                : Arrays.stream(peers.split(","))
                        .map(String::trim)
                        .map(Long::valueOf)
                        .toList();
        assertEquals(expected, ClockSkew.offsetFromCluster(offsets));
    }

    @ParameterizedTest
    @CsvSource({"2000, 2000, false", "2001, 2000, true", "-2001, 2000, true", "0, 1, false"})
    void aBoundIsExceededEitherWay(long offset, long bound, boolean exceeds) {
        assertEquals(exceeds, ClockSkew.exceeds(offset, bound));
    }
}
