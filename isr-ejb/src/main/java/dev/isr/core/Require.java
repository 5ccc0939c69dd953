package dev.isr.core;

import java.util.Objects;

/**
 * Argument checks in one place, in the manner of Caffeine's {@code requireArgument}: each names the argument, so that
 * the message of the {@link IllegalArgumentException} or {@link NullPointerException} says what was wrong without a
 * stack trace, and can be shown to whoever passed it (an operator's configuration, an admin request).
 */
public final class Require {

    private Require() {}

    /**
     * Throws an {@link IllegalArgumentException} with {@code message} unless {@code valid}.
     *
     * @param message a {@link String#format} template naming the argument
     */
    public static void argument(boolean valid, String message, Object... args) {
        if (!valid) {
            throw new IllegalArgumentException(args.length == 0 ? message : String.format(message, args));
        }
    }

    /** {@code value}, or a {@link NullPointerException} that names it. */
    public static <T> T nonNull(T value, String name) {
        return Objects.requireNonNull(value, name);
    }

    /** {@code value}, or an {@link IllegalArgumentException} that names it unless it is at least zero. */
    public static long notNegative(long value, String name) {
        argument(value >= 0, "%s must not be negative: %d", name, value);
        return value;
    }
}
