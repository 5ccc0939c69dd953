package dev.isr.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A cache tag with {@code {name}} placeholders, as {@code @Isr(tags = "book-{id}")} declares it: each placeholder is
 * filled with the value of the method parameter of that name when the method runs.
 *
 * <p>A name is one or more characters other than braces; text outside the placeholders is literal. A template whose
 * placeholders are all filled with {@code x} must be a {@linkplain Tags#isValid valid tag}, so that only the values
 * can make a tag invalid (those tags are dropped and reported when the response is captured).
 *
 * @param text the template as declared
 * @param parameters the placeholder names, in order of appearance, duplicates kept
 */
public record TagTemplate(String text, List<String> parameters) {

    public TagTemplate {
        Objects.requireNonNull(text, "text");
        parameters = List.copyOf(parameters);
    }

    /** @throws IllegalArgumentException naming the template, when a brace is unbalanced or a placeholder empty */
    public static TagTemplate parse(String text) {
        Objects.requireNonNull(text, "text");
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                throw new IllegalArgumentException("'}' without '{' in tag template '" + text + "'");
            }
            if (c != '{') {
                i++;
                continue;
            }
            int close = text.indexOf('}', i + 1);
            int nested = text.indexOf('{', i + 1);
            if (close < 0 || (nested >= 0 && nested < close)) {
                throw new IllegalArgumentException("'{' without '}' in tag template '" + text + "'");
            }
            if (close == i + 1) {
                throw new IllegalArgumentException("empty placeholder {} in tag template '" + text + "'");
            }
            names.add(text.substring(i + 1, close));
            i = close + 1;
        }
        return new TagTemplate(text, names);
    }

    /** Whether the template is a valid tag whatever (valid) values fill it. */
    public boolean isValidShape() {
        return Tags.isValid(expand(name -> "x"));
    }

    /**
     * The tag with every placeholder filled by {@code values}.
     *
     * @param values the value of a parameter by name, or null when it has none
     * @return the tag, or null when a placeholder's value is null (the tag is then left out)
     */
    public @Nullable String expand(Function<String, @Nullable String> values) {
        if (parameters.isEmpty()) {
            return text;
        }
        StringBuilder tag = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '{') {
                tag.append(c);
                i++;
                continue;
            }
            int close = text.indexOf('}', i + 1);
            String value = values.apply(text.substring(i + 1, close));
            if (value == null) {
                return null;
            }
            tag.append(value);
            i = close + 1;
        }
        return tag.toString();
    }
}
