package dev.isr.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * HTTP dates (RFC 9110 section 5.6.7): the preferred IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}) is written;
 * it and the two obsolete forms a recipient must accept, RFC 850 ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and ANSI C's
 * asctime ({@code Sun Nov  6 08:49:37 1994}), are read. A two-digit year more than 50 years in the future is taken as
 * the most recent year in the past with those digits, as the RFC says. Anything else is not a date: null, which each
 * caller turns into what its field's rule says (an invalid {@code Expires} means already expired; an invalid
 * {@code If-Modified-Since} is ignored).
 */
public final class HttpDate {

    private static final String DAY = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
    private static final String LONG_DAY = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private static final String MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    private static final String TIME = "(\\d{2}):(\\d{2}):(\\d{2})";
    private static final Pattern IMF_FIXDATE =
            Pattern.compile(DAY + ", (\\d{2}) " + MONTH + " (\\d{4}) " + TIME + " GMT");
    private static final Pattern RFC_850 =
            Pattern.compile(LONG_DAY + ", (\\d{2})-" + MONTH + "-(\\d{2}) " + TIME + " GMT");
    private static final Pattern ASCTIME = Pattern.compile(DAY + " " + MONTH + " ([ \\d]\\d) " + TIME + " (\\d{4})");
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final DateTimeFormatter WRITER = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private HttpDate() {}

    /** {@code value} as an instant, or null if it is none of the three forms (or names no real day and time). */
    public static @Nullable Instant parse(@Nullable String value, Instant now) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        Matcher m = IMF_FIXDATE.matcher(text);
        if (m.matches()) {
            return instant(Integer.parseInt(m.group(4)), m.group(3), m.group(2), m, 5);
        }
        m = RFC_850.matcher(text);
        if (m.matches()) {
            return instant(fullYear(Integer.parseInt(m.group(4)), now), m.group(3), m.group(2), m, 5);
        }
        m = ASCTIME.matcher(text);
        if (m.matches()) {
            return instant(Integer.parseInt(m.group(7)), m.group(2), m.group(3).strip(), m, 4);
        }
        return null;
    }

    /** {@link #parse(String, Instant)} judging two-digit years against the current time. */
    public static @Nullable Instant parse(@Nullable String value) {
        return parse(value, Instant.now());
    }

    /** {@code instant} as an IMF-fixdate, to the second. */
    public static String format(Instant instant) {
        return WRITER.format(instant);
    }

    private static Instant instant(int year, String month, String day, Matcher m, int timeGroup) {
        try {
            return LocalDateTime.of(
                            year,
                            MONTHS.indexOf(month) / 3 + 1,
                            Integer.parseInt(day),
                            Integer.parseInt(m.group(timeGroup)),
                            Integer.parseInt(m.group(timeGroup + 1)),
                            Integer.parseInt(m.group(timeGroup + 2)))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // 31 Feb, 25:00 and the like
        }
    }

    /** RFC 9110 section 5.6.7: a two-digit year that would be more than 50 years ahead is in the past century. */
    private static int fullYear(int twoDigits, Instant now) {
        int thisYear = LocalDateTime.ofInstant(now, ZoneOffset.UTC).getYear();
        int year = thisYear / 100 * 100 + twoDigits;
        if (year > thisYear + 50) {
            year -= 100;
        } else if (year < thisYear - 50) {
            year += 100;
        }
        return year;
    }
}
