package dev.isr.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which parts of a request select among the stored variants of one path: the response's {@code Isr-Vary}
 * ({@code query=a|b, cookie=c, header=Accept-Language}, the grammar of Netlify-Vary) and its standard {@code Vary}.
 *
 * <p>By default every query parameter (less the ignored tracking parameters) is part of the key and no cookie or
 * header is. {@code query=a|b} keeps only the named parameters; {@code query} alone keeps them all. Cookies and header
 * fields enter the key only when the response names them. Names are kept sorted, so equal rules compare equal.
 *
 * @param queryParams the query parameters in the key, or null for all of them
 * @param cookies the request cookies in the key (case-sensitive names)
 * @param headers the request header fields in the key (lower case)
 */
public record VaryRule(@Nullable List<String> queryParams, List<String> cookies, List<String> headers) {

    /** The rule of a response that names nothing to vary on. */
    public static final VaryRule DEFAULT = new VaryRule(null, List.of(), List.of());

    /** Upper bound on names per rule: a response cannot blow up keys or the work per request. */
    public static final int MAX_NAMES = 32;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern QUERY_NAME = Pattern.compile("[^\\s&=#|,]+");

    public VaryRule {
        queryParams = queryParams == null ? null : sorted(queryParams);
        cookies = sorted(cookies);
        headers = sorted(headers.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
    }

    private static List<String> sorted(List<String> names) {
        return List.copyOf(new TreeSet<>(Objects.requireNonNull(names, "names")));
    }

    /**
     * The rule of a response, from its {@code Isr-Vary} and {@code Vary} field values (either may be null).
     *
     * @return the rule, or null when a value is malformed (an unknown form, a bad name, too many names) or
     *     {@code Vary} contains {@code *}: such a response is not stored
     */
    public static @Nullable VaryRule parse(@Nullable String isrVary, @Nullable String vary) {
        Parts parts = new Parts();
        if (isrVary != null && !isrVary.isBlank()) {
            for (String part : isrVary.split(",")) {
                String item = part.trim();
                if (!item.isEmpty() && !parts.addIsrVary(item)) {
                    return null;
                }
            }
        }
        if (vary != null) {
            for (String part : vary.split(",")) {
                String name = part.trim();
                if (!name.isEmpty() && !parts.addVaryHeader(name)) {
                    return null;
                }
            }
        }
        return parts.total() > MAX_NAMES ? null : new VaryRule(parts.query, parts.cookies, parts.headers);
    }

    /** What {@link #parse} has read so far; each {@code add} says whether the item was valid. */
    private static final class Parts {
        private @Nullable List<String> query;
        private final List<String> cookies = new ArrayList<>();
        private final List<String> headers = new ArrayList<>();

        /** One item of {@code Isr-Vary}: {@code query}, {@code query=a|b}, {@code cookie=a|b}, {@code header=a|b}. */
        boolean addIsrVary(String item) {
            int eq = item.indexOf('=');
            String kind = (eq < 0 ? item : item.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            List<String> names = eq < 0 ? null : names(item.substring(eq + 1));
            switch (kind) {
                case "query" -> {
                    if (names == null) {
                        return true; // query alone: all parameters, the default
                    }
                    if (!names.stream().allMatch(n -> QUERY_NAME.matcher(n).matches())) {
                        return false;
                    }
                    if (query == null) {
                        query = new ArrayList<>();
                    }
                    query.addAll(names); // query= with no names: no parameter is part of the key
                    return true;
                }
                case "cookie" -> {
                    return names != null && !names.isEmpty() && allTokens(names) && cookies.addAll(names);
                }
                case "header" -> {
                    return names != null && !names.isEmpty() && allTokens(names) && headers.addAll(names);
                }
                default -> {
                    return false;
                }
            }
        }

        /** One field name of {@code Vary}; {@code *} is never a rule. */
        boolean addVaryHeader(String name) {
            return !name.equals("*") && TOKEN.matcher(name).matches() && headers.add(name);
        }

        int total() {
            return (query == null ? 0 : query.size()) + cookies.size() + headers.size();
        }
    }

    /** Whether {@code name} may be named in {@code query=}: no white space and none of {@code & = # | ,}. */
    public static boolean isQueryName(String name) {
        return name != null && QUERY_NAME.matcher(name).matches();
    }

    /** Whether {@code name} may be named in {@code cookie=} or {@code header=}: an RFC 9110 token. */
    public static boolean isFieldName(String name) {
        return name != null && TOKEN.matcher(name).matches();
    }

    /** Whether keying on request field {@code name} would key on credentials ({@link #variesOnCredentials()}). */
    public static boolean isCredentialField(String name) {
        return CREDENTIAL_FIELDS.contains(name.toLowerCase(Locale.ROOT));
    }

    private static List<String> names(String value) {
        List<String> names = new ArrayList<>();
        for (String name : value.split("\\|")) {
            String trimmed = name.trim();
            if (!trimmed.isEmpty()) {
                names.add(trimmed);
            }
        }
        return names;
    }

    private static boolean allTokens(List<String> names) {
        return names.stream().allMatch(n -> TOKEN.matcher(n).matches());
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** Request fields whose raw values are credentials: never part of a key, a log line or the store. */
    private static final Set<String> CREDENTIAL_FIELDS = Set.of("authorization", "proxy-authorization", "cookie");

    /**
     * Whether the response varies on a credential field ({@code Vary: Authorization}, {@code Vary: Cookie},
     * {@code Isr-Vary: header=Proxy-Authorization}): keying on it would write visitors' secrets into keys, logs, the
     * admin listing and the disk, so such a response is not stored. {@code Isr-Vary: cookie=name} names the one cookie
     * that matters instead.
     */
    public boolean variesOnCredentials() {
        return headers.stream().anyMatch(CREDENTIAL_FIELDS::contains);
    }

    /**
     * The key of the variant this request selects.
     *
     * @param keys normalizes the query (sorting, tracking parameters)
     * @param target the origin, canonical path and raw query of the request
     * @param request the request header fields
     */
    public CacheKey keyFor(CacheKeyFactory keys, RequestTarget target, HeaderLookup request) {
        String query = keys.normalizeQuery(target.rawQuery(), queryParams);
        if (cookies.isEmpty() && headers.isEmpty()) {
            return new CacheKey(target.origin(), target.path(), query, "");
        }
        StringBuilder variant = new StringBuilder();
        if (!cookies.isEmpty()) {
            List<String> requestCookies = request.values("Cookie");
            for (String cookie : cookies) {
                appendPart(variant, "c:" + cookie, RequestCookies.value(requestCookies, cookie));
            }
        }
        for (String header : headers) {
            appendPart(variant, "h:" + header, normalizeFieldValue(request.combined(header)));
        }
        return new CacheKey(target.origin(), target.path(), query, variant.toString());
    }

    /**
     * The request fields a revalidation must send to render this variant again: the named header fields, and a
     * {@code Cookie} field with only the named cookies.
     */
    public List<Header> requestFieldsToReplay(HeaderLookup request) {
        List<Header> replay = new ArrayList<>();
        if (!cookies.isEmpty()) {
            List<String> requestCookies = request.values("Cookie");
            List<String> pairs = new ArrayList<>();
            for (String cookie : cookies) {
                String value = RequestCookies.value(requestCookies, cookie);
                if (value != null) {
                    pairs.add(cookie + "=" + value);
                }
            }
            if (!pairs.isEmpty()) {
                replay.add(new Header("Cookie", String.join("; ", pairs)));
            }
        }
        for (String header : headers) {
            String value = request.combined(header);
            if (value != null) {
                replay.add(new Header(header, value));
            }
        }
        return replay;
    }

    /** Percent-encodes the separators of the variant string, so that no value can forge another part. */
    private static void appendPart(StringBuilder variant, String name, String value) {
        if (variant.length() > 0) {
            variant.append('&');
        }
        variant.append(name);
        if (value != null) {
            variant.append('=')
                    .append(value.replace("%", "%25").replace("&", "%26").replace("=", "%3D"));
        }
    }

    private static String normalizeFieldValue(String value) {
        return value == null ? null : value.trim().replaceAll("[ \\t]+", " ");
    }
}
