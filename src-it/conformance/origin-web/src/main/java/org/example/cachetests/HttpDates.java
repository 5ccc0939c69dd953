package org.example.cachetests;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The dates the suite's server writes: IMF-fixdate, or RFC 850 where a test asks for it (lib/utils.mjs httpDate). */
final class HttpDates {

    private static final DateTimeFormatter IMF = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_850 = DateTimeFormatter
            .ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    static String format(long nowMillis, long deltaSeconds, boolean rfc850) {
        Instant instant = Instant.ofEpochMilli(nowMillis + deltaSeconds * 1000);
        return (rfc850 ? RFC_850 : IMF).format(instant);
    }
}
