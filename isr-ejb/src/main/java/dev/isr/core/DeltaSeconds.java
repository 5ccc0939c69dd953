package dev.isr.core;

/** The {@code delta-seconds} grammar of RFC 9111 section 1.2.2: {@code 1*DIGIT}, saturating at 2<sup>31</sup>. */
final class DeltaSeconds {

    /** Returned for anything that is not {@code 1*DIGIT}: a sign, a fraction, a blank, or no argument. */
    static final long INVALID = Long.MIN_VALUE;

    private DeltaSeconds() {}

    static long parse(String argument) {
        if (argument == null || argument.isEmpty()) {
            return INVALID;
        }
        long value = 0;
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
            value = value * 10 + (c - '0');
            if (value > CacheControl.MAX_DELTA_SECONDS) {
                value = CacheControl.MAX_DELTA_SECONDS;
                // keep scanning: a later non-digit still makes the value invalid
            }
        }
        return value;
    }
}
