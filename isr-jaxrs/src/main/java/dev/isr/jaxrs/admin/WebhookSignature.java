package dev.isr.jaxrs.admin;

import dev.isr.core.Tags;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A parsed {@code Isr-Signature} header: {@code t=<unix seconds>,v1=<hex>[,v1=<hex>...]}, comma-separated
 * {@code name=value} elements with optional spaces around them. Exactly one {@code t}; at least one and at most
 * {@value #MAX_V1} {@code v1}, each the 64 hexadecimal digits of an HMAC-SHA256 over {@code "<t>.<body>"}. Several
 * {@code v1} let a sender sign with its old and its new secret while the secret is rotated. Elements with another name
 * (a future {@code v2}) are ignored, so a sender can add a scheme before every server knows it. Parsing says nothing
 * about validity: that is {@link WebhookVerifier}'s job.
 *
 * @param timestamp the time the sender claims to have signed at, in seconds since the epoch; never negative
 * @param v1 the candidate signatures, 32 bytes each, in the order sent
 */
record WebhookSignature(long timestamp, List<byte[]> v1) {

    /** The header's format, for messages that tell a sender what to send. */
    static final String FORMAT = "Isr-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">";

    static final int MAX_V1 = 8;

    /** The form before timestamps ({@code sha256=<hex of the body's HMAC>}), refused since: it could be replayed. */
    private static final String LEGACY_PREFIX = "sha256=";
    /**
     * Enough digits for any real time, few enough that the difference with the clock cannot overflow a long. No
     * leading zeros: the text signed is the number's one decimal form, so the sender and we cannot disagree on it.
     */
    private static final int MAX_TIMESTAMP_DIGITS = 15;

    private static final Pattern TIMESTAMP = Pattern.compile("0|[1-9][0-9]{0," + (MAX_TIMESTAMP_DIGITS - 1) + "}");
    private static final int SIGNATURE_BYTES = 32;

    WebhookSignature {
        if (timestamp < 0) {
            throw new IllegalArgumentException("t must not be negative: " + timestamp);
        }
        if (v1.isEmpty() || v1.size() > MAX_V1) {
            throw new IllegalArgumentException("1.." + MAX_V1 + " v1 signatures required, not " + v1.size());
        }
        v1 = v1.stream().map(byte[]::clone).toList();
    }

    /** Whether {@code header} is the refused form {@code sha256=<hex>}, so the refusal can say what replaced it. */
    static boolean isLegacy(String header) {
        return header.strip().toLowerCase(Locale.ROOT).startsWith(LEGACY_PREFIX);
    }

    /** The signature in {@code header}; an {@link IllegalArgumentException} saying what is wrong if it is malformed. */
    static WebhookSignature parse(String header) {
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String element : header.split(",", -1)) {
            int equals = element.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("\"" + Tags.forLog(element.strip()) + "\" is not name=value");
            }
            String name = element.substring(0, equals).strip();
            String value = element.substring(equals + 1).strip();
            switch (name) {
                case "t" -> {
                    if (timestamp != null) {
                        throw new IllegalArgumentException("t is given twice");
                    }
                    timestamp = timestamp(value);
                }
                case "v1" -> {
                    if (signatures.size() == MAX_V1) {
                        throw new IllegalArgumentException("more than " + MAX_V1 + " v1 signatures");
                    }
                    signatures.add(signature(value));
                }
                default -> {
                    // another scheme: ignored, see the class comment
                }
            }
        }
        if (timestamp == null) {
            throw new IllegalArgumentException("t is missing");
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("v1 is missing");
        }
        return new WebhookSignature(timestamp, signatures);
    }

    /**
     * Whether any {@code v1} equals {@code expected}. Every candidate is compared, each in constant time, so the time
     * taken says nothing about how much of a guess was right.
     */
    boolean matches(byte[] expected) {
        boolean matched = false;
        for (byte[] candidate : v1) {
            matched |= MessageDigest.isEqual(candidate, expected);
        }
        return matched;
    }

    @Override
    public List<byte[]> v1() {
        return v1.stream().map(byte[]::clone).toList();
    }

    @Override
    public String toString() {
        // signatures are not secrets, but nothing is gained by logging them
        return "WebhookSignature[t=" + timestamp + ", " + v1.size() + " v1]";
    }

    private static long timestamp(String value) {
        if (!TIMESTAMP.matcher(value).matches()) {
            throw new IllegalArgumentException("t must be a decimal integer of 1.." + MAX_TIMESTAMP_DIGITS
                    + " digits without leading zeros (unix seconds): \"" + Tags.forLog(value) + "\"");
        }
        return Long.parseLong(value);
    }

    private static byte[] signature(String value) {
        if (value.length() != 2 * SIGNATURE_BYTES) {
            throw new IllegalArgumentException(
                    "v1 must be " + 2 * SIGNATURE_BYTES + " hexadecimal digits, has " + value.length());
        }
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("v1 is not hexadecimal", e);
        }
    }
}
