package dev.isr.revalidation;

import java.util.function.UnaryOperator;

/**
 * The server's own HTTP listener, from the system properties its standard configuration reads: on WildFly
 * {@code jboss.bind.address} and {@code jboss.http.port} plus {@code jboss.socket.binding.port-offset}; an address
 * bound to every interface ({@code 0.0.0.0}, {@code ::}) is reached on loopback. Without them (Payara's default
 * listener, say) it is {@code http://127.0.0.1:8080}. Set {@code isr.origin} when the listener is elsewhere.
 */
final class ListenerAddress {

    private ListenerAddress() {}

    /** @param property reads a system property; null when it is not set */
    static String of(UnaryOperator<String> property) {
        String bind = orElse(property.apply("jboss.bind.address"), "127.0.0.1");
        if (bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]")) {
            bind = "127.0.0.1";
        }
        if (bind.contains(":") && !bind.startsWith("[")) {
            bind = "[" + bind + "]";
        }
        int port = number(property.apply("jboss.http.port"), 8080)
                + number(property.apply("jboss.socket.binding.port-offset"), 0);
        return "http://" + bind + ":" + port;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int number(String value, int fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
