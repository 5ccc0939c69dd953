package dev.isr.jaxrs.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.core.IsrConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bearer token of the admin API, and a webhook with no secret configured. */
class AdminAccessTest {

    @ParameterizedTest(name = "[{index}] token={0} Authorization={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            test-admin-token-0123456789 | Bearer test-admin-token-0123456789    | -
            test-admin-token-0123456789 | bearer test-admin-token-0123456789    | -
            test-admin-token-0123456789 | 'Bearer  test-admin-token-0123456789 '| -
            test-admin-token-0123456789 | Bearer test-admin-token-012345678     | wrong token
            test-admin-token-0123456789 | Bearer test-admin-token-01234567890   | wrong token
            test-admin-token-0123456789 | Bearer                                | an Authorization: Bearer token is required
            test-admin-token-0123456789 | Basic aXNyOmlzcg==                    | an Authorization: Bearer token is required
            test-admin-token-0123456789 | -                                     | an Authorization: Bearer token is required
            ''                          | Bearer test-admin-token-0123456789    | the admin API is closed: isr.admin.token is not configured
            ''                          | 'Bearer '                             | the admin API is closed: isr.admin.token is not configured
            """)
    void bearerToken(String token, String authorization, String refusal) {
        assertEquals(refusal, AdminAccess.tokenRefusal(token, authorization));
    }

    @Test
    void webhooksAreRefusedWithoutASecret() {
        AdminAccess access = new AdminAccess();
        access.config = IsrConfig.defaults();
        access.clock = Clock.systemUTC();
        access.leases = new RecordingLeases(false);
        String header = "t=" + access.clock.instant().getEpochSecond() + ",v1=" + "00".repeat(32);
        String refusal = access.webhookRefusal(header, "{}".getBytes(StandardCharsets.UTF_8));
        assertTrue(refusal.contains("isr.webhook.secret is not configured"), refusal);
    }
}
