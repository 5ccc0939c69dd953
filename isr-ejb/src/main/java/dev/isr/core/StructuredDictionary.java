package dev.isr.core;

import org.jspecify.annotations.Nullable;

/**
 * Whether a field value is a valid Structured Field Dictionary (RFC 9651 section 3.2, parsing as section 4.2
 * describes), as the targeted cache-control fields must be (RFC 9213 section 2.1): a targeted field that is not is
 * ignored whole, as if absent. Only validity is decided here; {@link CacheControl} reads the directives.
 */
final class StructuredDictionary {

    private final String input;
    private int at;

    private StructuredDictionary(String input) {
        this.input = input;
    }

    /** True for a valid dictionary, the empty one included; false for null. */
    static boolean isValid(@Nullable String value) {
        if (value == null) {
            return false;
        }
        StructuredDictionary parser = new StructuredDictionary(value);
        try {
            parser.dictionary();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * {@code value}, a valid dictionary, without its parameters ({@code ;key=value}), which no cache directive
     * defines and which RFC 9213 says to ignore: what is left reads as {@code Cache-Control} directives.
     */
    static String withoutParameters(String value) {
        StringBuilder kept = new StringBuilder(value.length());
        boolean quoted = false;
        boolean parameter = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (!parameter) {
                    kept.append(c);
                }
                if (c == '\\' && i + 1 < value.length()) {
                    if (!parameter) {
                        kept.append(value.charAt(i + 1));
                    }
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                parameter = true;
            } else if (c == ',' || c == ' ' && !parameter) {
                parameter = false;
            }
            if (!parameter) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private void dictionary() {
        skip(' ');
        while (at < input.length()) {
            key();
            if (peek() == '=') {
                at++;
                if (peek() == '(') {
                    innerList();
                } else {
                    bareItem();
                    parameters();
                }
            } else {
                parameters();
            }
            skipOws();
            if (at == input.length()) {
                return;
            }
            expect(',');
            skipOws();
            if (at == input.length()) {
                throw new IllegalArgumentException("trailing comma");
            }
        }
    }

    private void innerList() {
        expect('(');
        while (true) {
            skip(' ');
            if (peek() == ')') {
                at++;
                parameters();
                return;
            }
            bareItem();
            parameters();
            if (peek() != ' ' && peek() != ')') {
                throw new IllegalArgumentException("inner list");
            }
        }
    }

    private void parameters() {
        while (peek() == ';') {
            at++;
            skip(' ');
            key();
            if (peek() == '=') {
                at++;
                bareItem();
            }
        }
    }

    private void key() {
        char first = peek();
        if (!(first >= 'a' && first <= 'z' || first == '*')) {
            throw new IllegalArgumentException("key");
        }
        at++;
        while (at < input.length()) {
            char c = input.charAt(at);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == '*') {
                at++;
            } else {
                return;
            }
        }
    }

    private void bareItem() {
        char c = peek();
        if (c == '-' || c >= '0' && c <= '9') {
            number();
        } else if (c == '"') {
            string();
        } else if (c == ':') {
            bytes();
        } else if (c == '?') {
            at++;
            char b = peek();
            if (b != '0' && b != '1') {
                throw new IllegalArgumentException("boolean");
            }
            at++;
        } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '*') {
            at++;
            while (at < input.length() && isTokenChar(input.charAt(at))) {
                at++;
            }
        } else {
            throw new IllegalArgumentException("item");
        }
    }

    private void number() {
        if (peek() == '-') {
            at++;
        }
        int start = at;
        while (at < input.length() && Character.isDigit(input.charAt(at)) && input.charAt(at) < 128) {
            at++;
        }
        int integer = at - start;
        if (integer == 0) {
            throw new IllegalArgumentException("number");
        }
        if (peek() != '.') {
            if (integer > 15) {
                throw new IllegalArgumentException("integer too long");
            }
            return;
        }
        at++;
        int fractionStart = at;
        while (at < input.length() && input.charAt(at) >= '0' && input.charAt(at) <= '9') {
            at++;
        }
        int fraction = at - fractionStart;
        if (integer > 12 || fraction < 1 || fraction > 3) {
            throw new IllegalArgumentException("decimal");
        }
    }

    private void string() {
        expect('"');
        while (at < input.length()) {
            char c = input.charAt(at++);
            if (c == '\\') {
                char escaped = peek();
                if (escaped != '"' && escaped != '\\') {
                    throw new IllegalArgumentException("escape");
                }
                at++;
            } else if (c == '"') {
                return;
            } else if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("string character");
            }
        }
        throw new IllegalArgumentException("unterminated string");
    }

    private void bytes() {
        expect(':');
        while (at < input.length() && input.charAt(at) != ':') {
            char c = input.charAt(at++);
            if (!(c >= 'A' && c <= 'Z'
                    || c >= 'a' && c <= 'z'
                    || c >= '0' && c <= '9'
                    || c == '+'
                    || c == '/'
                    || c == '=')) {
                throw new IllegalArgumentException("byte sequence");
            }
        }
        expect(':');
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == ':'
                || c == '/'
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private char peek() {
        return at < input.length() ? input.charAt(at) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        at++;
    }

    private void skip(char c) {
        while (peek() == c) {
            at++;
        }
    }

    private void skipOws() {
        while (peek() == ' ' || peek() == '\t') {
            at++;
        }
    }
}
