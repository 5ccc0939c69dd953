package dev.isr.core;

import static dev.isr.core.Entries.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sweep's decision per entry: evict the unread, refresh the hot ahead of expiry, leave the rest. */
class SweepPolicyTest {

    private final SweepPolicy policy = new SweepPolicy(Duration.ofSeconds(15), Duration.ofDays(31));

    @ParameterizedTest(name = "[{index}] seen -{0}s, read -{1}s, expires +{2}s -> {3}")
    @CsvSource(textBlock = """
            0,        -1,      60,  KEEP
            0,        5,       10,  REFRESH
            0,        5,       15,  REFRESH
            0,        5,       16,  KEEP
            0,        5,       -1,  KEEP
            0,        31,      10,  KEEP
            0,        -1,      10,  KEEP
            2678401,  -1,      10,  EVICT_UNREAD
            2678401,  2678399, 10,  KEEP
            2678399,  -1,      10,  KEEP
            """)
    void decides(long seenSecondsAgo, long readSecondsAgo, long expiresInSeconds, SweepPolicy.Action expected) {
        long now = T0.toEpochMilli();
        long lastRead = readSecondsAgo < 0 ? 0 : now - readSecondsAgo * 1000;
        assertEquals(expected, policy.decide(now - seenSecondsAgo * 1000, lastRead, now + expiresInSeconds * 1000, T0));
    }
}
