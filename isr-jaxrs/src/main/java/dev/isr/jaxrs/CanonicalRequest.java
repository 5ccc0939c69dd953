package dev.isr.jaxrs;

import dev.isr.core.CacheKey;
import dev.isr.core.Header;
import dev.isr.core.IncomingRequest;
import dev.isr.core.Origin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request as the application is shown it when its response may be stored: exactly what the cache key holds.
 * The origin (scheme, {@code Host}, port) is the key's, so absolute links and redirects built from {@code UriInfo} or
 * {@code getRequestURL()} are those of the public origin, also in a revalidation that connected to this node's own
 * listener; the path is canonical ({@link dev.isr.core.CanonicalPath}); the query holds only the parameters the key
 * holds, so tracking parameters and parameters outside {@code Isr-Vary: query=...} never reach the page.
 *
 * <p>Forwarding fields ({@code X-Forwarded-Proto}, {@code -Host}, {@code -Port}), if the request has any, say the
 * key's origin too, and {@code Forwarded} is withheld: an application that builds links from them cannot be poisoned
 * through them. The revalidation fields are withheld as well (the token is a secret).
 *
 * <p>A render that revalidates a stale entry is shown the entry's validators besides ({@code If-None-Match},
 * {@code If-Modified-Since}: {@link dev.isr.core.Validators}), so that the application can answer {@code 304}.
 *
 * <p>Only for GET and HEAD requests, whose parameters all come from the query.
 */
final class CanonicalRequest extends HttpServletRequestWrapper {

    private static final Set<String> WITHHELD = Set.of(
            "forwarded",
            IncomingRequest.REVALIDATE_FIELD.toLowerCase(Locale.ROOT),
            IncomingRequest.REVALIDATE_ORIGIN_FIELD.toLowerCase(Locale.ROOT));
    private static final Set<String> FORWARDING = Set.of("x-forwarded-proto", "x-forwarded-host", "x-forwarded-port");

    private final Origin origin;
    private final String path;
    private final String query;
    private final boolean forwarded;
    private Map<String, String[]> parameters;
    /** Fields shown besides the request's own, by lower-case name. */
    private final Map<String, List<String>> added = new LinkedHashMap<>();

    CanonicalRequest(HttpServletRequest request, CacheKey key) {
        this(request, key, List.of());
    }

    /** @param added fields to show besides the request's own, which it must not have (the validators of an entry) */
    CanonicalRequest(HttpServletRequest request, CacheKey key, List<Header> added) {
        super(request);
        for (Header field : added) {
            this.added
                    .computeIfAbsent(field.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(field.value());
        }
        this.origin = Origin.parse(key.origin());
        this.path = key.path();
        this.query = key.query();
        boolean any = false;
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            any |= FORWARDING.contains(lower) || lower.equals("forwarded");
        }
        this.forwarded = any;
    }

    @Override
    public String getRequestURI() {
        return path;
    }

    @Override
    public StringBuffer getRequestURL() {
        return new StringBuffer(origin.value()).append(path);
    }

    @Override
    public String getQueryString() {
        return query.isEmpty() ? null : query;
    }

    @Override
    public String getScheme() {
        return origin.scheme();
    }

    @Override
    public boolean isSecure() {
        return origin.scheme().equals("https");
    }

    @Override
    public String getServerName() {
        return origin.host();
    }

    @Override
    public int getServerPort() {
        return origin.effectivePort();
    }

    @Override
    public String getHeader(String name) {
        List<String> values = shown(name);
        return values == null ? super.getHeader(name) : values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        List<String> values = shown(name);
        return values == null ? super.getHeaders(name) : Collections.enumeration(values);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = new ArrayList<>();
        for (String name : Collections.list(super.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!WITHHELD.contains(lower) && !FORWARDING.contains(lower)) {
                names.add(name);
            }
        }
        if (forwarded) {
            names.addAll(List.of("X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port"));
        }
        names.addAll(added.keySet());
        return Collections.enumeration(names);
    }

    /** The values this request shows for {@code name}, or null to show the original ones. */
    private List<String> shown(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("host")) {
            return List.of(origin.authority());
        }
        List<String> extra = added.get(lower);
        if (extra != null) {
            return extra;
        }
        if (WITHHELD.contains(lower)) {
            return List.of();
        }
        if (FORWARDING.contains(lower)) {
            if (!forwarded) {
                return List.of();
            }
            return List.of(
                    switch (lower) {
                        case "x-forwarded-proto" -> origin.scheme();
                        case "x-forwarded-host" -> origin.authority();
                        default -> Integer.toString(origin.effectivePort());
                    });
        }
        return null;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    private Map<String, String[]> parameters() {
        if (parameters == null) {
            Map<String, List<String>> collected = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    collected.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
            Map<String, String[]> result = new LinkedHashMap<>();
            collected.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
            parameters = Collections.unmodifiableMap(result);
        }
        return parameters;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value; // a malformed escape is shown as it came
        }
    }
}
