package dev.isr.core;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The scheme, host and port a request was addressed to, normalized: the part of a URL that an application builds its
 * absolute links and redirects from ({@code UriInfo}, {@code getRequestURL()}). It is part of every cache key, so a
 * response rendered for one host is never served for another (RFC 9110 section 4.2.3: scheme and host lower case, the
 * default port left out, a trailing dot of the host removed).
 *
 * @param scheme {@code http} or {@code https}
 * @param host a DNS name, an IPv4 address or a bracketed IPv6 address, lower case
 * @param port the port, or -1 for the scheme's default
 */
public record Origin(String scheme, String host, int port) {

    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]{2,45}]");
    private static final int MAX_HOST = 253;

    public Origin {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("scheme must be http or https: '" + scheme + "'");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".") && host.length() > 1) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.length() > MAX_HOST || !(isRegName(host) || IPV6.matcher(host).matches())) {
            throw new IllegalArgumentException("not a host name or address: '" + host + "'");
        }
        if (port == defaultPort(scheme)) {
            port = -1;
        }
        if (port != -1 && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
    }

    /**
     * A DNS name or IPv4 address in lower case: dot-separated labels of 1 to 63 letters, digits and hyphens, none
     * starting with a hyphen. Checked by hand rather than by a regular expression: it runs on every request.
     */
    private static boolean isRegName(String host) {
        int label = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                if (label == 0) {
                    return false;
                }
                label = 0;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && label > 0)) {
                if (++label > 63) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return label > 0;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /**
     * The origin of a request: its scheme and its {@code Host} field ({@code host[:port]}).
     *
     * @return the origin, or null when the host field is missing or not a valid {@code host[:port]}: such a request
     *     is never served from or stored in the cache
     */
    public static @Nullable Origin ofRequest(String scheme, @Nullable String hostField) {
        if (scheme == null || hostField == null) {
            return null;
        }
        try {
            return parseAuthority(scheme, hostField.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Parses {@code scheme://host[:port]}, as configured. @throws IllegalArgumentException naming the value */
    public static Origin parse(String value) {
        Objects.requireNonNull(value, "origin");
        int colon = value.indexOf("://");
        if (colon < 0) {
            throw new IllegalArgumentException("an origin is scheme://host[:port]: '" + value + "'");
        }
        try {
            return parseAuthority(value.substring(0, colon), value.substring(colon + 3));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "an origin is scheme://host[:port] with no path: '" + value + "' (" + e.getMessage() + ")", e);
        }
    }

    /** {@link #parse}, or null when {@code value} is not an origin: for values that come with requests. */
    public static @Nullable Origin parseOrNull(@Nullable String value) {
        try {
            return value == null ? null : parse(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Origin parseAuthority(String scheme, String authority) {
        int portStart = authority.lastIndexOf(':');
        if (portStart < 0 || authority.lastIndexOf(']') > portStart) {
            return new Origin(scheme, authority, -1);
        }
        String port = authority.substring(portStart + 1);
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("bad port in '" + authority + "'");
        }
        return new Origin(scheme, authority.substring(0, portStart), Integer.parseInt(port));
    }

    /** The host field a request for this origin carries: {@code host[:port]}. */
    public String authority() {
        return port == -1 ? host : host + ":" + port;
    }

    /** The port, with the scheme's default filled in. */
    public int effectivePort() {
        return port == -1 ? defaultPort(scheme) : port;
    }

    /** The canonical form {@code scheme://host[:port]}. */
    public String value() {
        return scheme + "://" + authority();
    }

    @Override
    public String toString() {
        return value();
    }
}
