package dev.isr.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The members of an {@code @Isr} annotation as declared (durations and tag templates still text), without the
 * annotation type, so that the deployment-time validation and the per-request resolution are plain Java.
 *
 * <p>{@link #problems} lists what is wrong, one message per bad value; the CDI extension fails the deployment with
 * them. {@link #resolve} turns a valid declaration into the {@link DeclaredPolicy} of one invocation.
 *
 * @param maxAge shared freshness, {@code ""} for none
 * @param staleWhileRevalidate {@code ""} for none
 * @param staleIfError {@code ""} for none
 * @param tags tag templates ({@link TagTemplate})
 * @param varyQuery the query parameters of the key; {@code ["*"]} for all of them ({@link #ALL_QUERY}), empty for none
 */
public record PolicyDeclaration(
        String maxAge,
        String staleWhileRevalidate,
        String staleIfError,
        boolean durable,
        boolean strict,
        List<String> tags,
        List<String> varyQuery,
        List<String> varyHeaders,
        List<String> varyCookies) {

    /** {@code varyQuery} of a declaration keyed on every query parameter: the default. */
    public static final List<String> ALL_QUERY = List.of("*");

    private static final String DURATION_FORMS = "(500ms, 10s, 5m, 2h, 1d...)";

    public PolicyDeclaration {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(staleWhileRevalidate, "staleWhileRevalidate");
        Objects.requireNonNull(staleIfError, "staleIfError");
        tags = List.copyOf(tags);
        varyQuery = List.copyOf(varyQuery);
        varyHeaders = List.copyOf(varyHeaders);
        varyCookies = List.copyOf(varyCookies);
    }

    /**
     * What is wrong with this declaration on a method whose parameters are {@code parameterNames}: bad durations,
     * tag templates that are no valid tag or name an unknown parameter, bad vary names. Empty when it is valid.
     * Each message names the member and the bad value, for example
     * {@code maxAge "6O s" is not a duration (500ms, 10s, 5m, 2h, 1d...)}.
     */
    public List<String> problems(Collection<String> parameterNames) {
        List<String> problems = new ArrayList<>();
        checkDuration("maxAge", maxAge, problems);
        checkDuration("staleWhileRevalidate", staleWhileRevalidate, problems);
        checkDuration("staleIfError", staleIfError, problems);
        for (String tag : tags) {
            checkTag(tag, parameterNames, problems);
        }
        if (!varyQuery.equals(ALL_QUERY)) {
            for (String name : varyQuery) {
                if (name.equals("*") || !VaryRule.isQueryName(name)) {
                    problems.add("varyQuery " + quoted(name) + " is not a query parameter name (\"*\" only alone)");
                }
            }
        }
        for (String name : varyHeaders) {
            if (!VaryRule.isFieldName(name)) {
                problems.add("varyHeader " + quoted(name) + " is not a header field name");
            } else if (VaryRule.isCredentialField(name)) {
                problems.add("varyHeader " + quoted(name) + " would key on credentials (name the cookie in"
                        + " varyCookie instead)");
            }
        }
        for (String name : varyCookies) {
            if (!VaryRule.isFieldName(name)) {
                problems.add("varyCookie " + quoted(name) + " is not a cookie name");
            }
        }
        int names = (varyQuery.equals(ALL_QUERY) ? 0 : varyQuery.size()) + varyHeaders.size() + varyCookies.size();
        if (names > VaryRule.MAX_NAMES) {
            problems.add(
                    "varyQuery, varyHeader and varyCookie name " + names + " names, more than " + VaryRule.MAX_NAMES);
        }
        return problems;
    }

    private static void checkDuration(String member, String value, List<String> problems) {
        if (value.isEmpty()) {
            return;
        }
        Duration duration;
        try {
            duration = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(member + " " + quoted(value) + " is not a duration " + DURATION_FORMS);
            return;
        }
        if (!DeclaredPolicy.isDeltaSeconds(duration)) {
            problems.add(member + " " + quoted(value) + " is not a whole number of seconds, 0 to "
                    + CacheControl.MAX_DELTA_SECONDS);
        }
    }

    private static void checkTag(String tag, Collection<String> parameterNames, List<String> problems) {
        TagTemplate template;
        try {
            template = TagTemplate.parse(tag);
        } catch (IllegalArgumentException e) {
            problems.add("tag " + quoted(tag) + " is not a template: " + e.getMessage());
            return;
        }
        for (String name : template.parameters()) {
            if (!parameterNames.contains(name)) {
                problems.add("tag " + quoted(tag) + " names {" + name + "}, which is not a parameter of the method"
                        + " (known: " + (parameterNames.isEmpty() ? "none" : String.join(", ", parameterNames))
                        + ")");
            }
        }
        if (!template.isValidShape()) {
            problems.add("tag " + quoted(tag) + " is not a valid tag (1.." + Tags.MAX_LENGTH
                    + " visible ASCII characters, no , \" or \\)");
        }
    }

    private static String quoted(String value) {
        return '"' + Tags.forLog(value) + '"';
    }

    /**
     * The policy of one invocation: durations parsed, templates filled from {@code parameterValues}. A tag whose
     * template names a parameter without a value (null) is left out.
     *
     * @throws IllegalArgumentException when the declaration has {@link #problems}; deployment validation prevents
     *     that for every {@code @Isr} the container saw
     */
    public DeclaredPolicy resolve(Function<String, String> parameterValues) {
        List<String> resolvedTags = new ArrayList<>(tags.size());
        for (String tag : tags) {
            String expanded = TagTemplate.parse(tag).expand(parameterValues);
            if (expanded != null) {
                resolvedTags.add(expanded);
            }
        }
        return new DeclaredPolicy(
                duration(maxAge),
                duration(staleWhileRevalidate),
                duration(staleIfError),
                durable,
                strict,
                resolvedTags,
                varyQuery.equals(ALL_QUERY) ? null : varyQuery,
                varyHeaders,
                varyCookies,
                null);
    }

    private static Duration duration(String value) {
        return value.isEmpty() ? null : Durations.parse(value);
    }
}
