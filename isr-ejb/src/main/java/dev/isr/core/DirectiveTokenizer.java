package dev.isr.core;

import org.jspecify.annotations.Nullable;

/**
 * Splits a cache directive list ({@code name[=token|"quoted"]} separated by commas) into its parts.
 *
 * <p>Lenient where leniency is harmless (optional whitespace around {@code =} and commas, empty list elements),
 * strict where it would change meaning: an unterminated quoted string stops tokenizing and sets {@link #failed()}.
 * Not thread-safe; one instance per field value.
 */
final class DirectiveTokenizer {

    private final String input;
    private int position;
    private String name = "";
    private @Nullable String argument;
    private boolean quoted;
    private boolean failed;

    DirectiveTokenizer(String input) {
        this.input = input;
    }

    /** Advances to the next directive; false at the end of the input or after a syntax error. */
    boolean next() {
        if (failed) {
            return false;
        }
        skipSeparators();
        if (position >= input.length()) {
            return false;
        }
        int nameStart = position;
        while (position < input.length() && !isDelimiter(input.charAt(position))) {
            position++;
        }
        name = input.substring(nameStart, position).trim();
        argument = null;
        quoted = false;
        skipWhitespace();
        if (position < input.length() && input.charAt(position) == '=' && !readArgument()) {
            failed = true;
            return false;
        }
        skipToComma();
        if (name.isEmpty()) {
            failed = true;
            return false;
        }
        return true;
    }

    /** Reads the argument after {@code =}, quoted or a token; false for a quoted string that never ends. */
    private boolean readArgument() {
        position++;
        skipWhitespace();
        if (position < input.length() && input.charAt(position) == '"') {
            argument = readQuoted();
            quoted = true;
            return argument != null;
        }
        int start = position;
        while (position < input.length() && input.charAt(position) != ',') {
            position++;
        }
        argument = input.substring(start, position).trim();
        return true;
    }

    String name() {
        return name;
    }

    /** The argument with quotes and escapes removed; null when the directive has none. */
    @Nullable
    String argument() {
        return argument;
    }

    boolean quoted() {
        return quoted;
    }

    /** True when a syntax error stopped tokenizing; directives before it were still returned. */
    boolean failed() {
        return failed;
    }

    private @Nullable String readQuoted() {
        StringBuilder value = new StringBuilder();
        position++; // opening quote
        while (position < input.length()) {
            char c = input.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\' && position < input.length()) {
                c = input.charAt(position++);
            }
            value.append(c);
        }
        return null;
    }

    private void skipToComma() {
        skipWhitespace();
        if (position < input.length() && input.charAt(position) != ',') {
            // junk after an argument, e.g. max-age=60 60 or max-age="60"x
            failed = true;
        }
    }

    private void skipSeparators() {
        while (position < input.length() && (input.charAt(position) == ',' || isWhitespace(input.charAt(position)))) {
            position++;
        }
    }

    private void skipWhitespace() {
        while (position < input.length() && isWhitespace(input.charAt(position))) {
            position++;
        }
    }

    private static boolean isDelimiter(char c) {
        return c == '=' || c == ',';
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }
}
