package dev.isr.it;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sets and removes system properties of the running server under test ({@link TargetServer#current()}), so that a
 * test can give the module a configuration and take it back. Both servers keep them in their configuration file
 * across restarts, and the demo copies that file: so every property set is remembered here until removed, and
 * {@link #removeAll()} takes back what a test class left ({@link DeployedEar} calls it, and then checks that no secret
 * set is left in the file).
 */
final class ServerProperties {

    /** What is set now, by name. */
    private static final Map<String, String> SET = new ConcurrentHashMap<>();
    /** Every secret set in this run, by name: none may be found in the configuration once removed. */
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

    private ServerProperties() {}

    static void set(String name, String value) throws IOException {
        SET.put(name, value);
        if (isSecret(name)) {
            SECRETS.put(name, value);
        }
        TargetServer.current().systemProperties().set(name, value);
    }

    static void remove(String name) throws IOException {
        TargetServer.current().systemProperties().remove(name);
        SET.remove(name);
    }

    /** Removes every property still set; returns them, name to value. */
    static Map<String, String> removeAll() throws IOException {
        Map<String, String> removed = Map.copyOf(SET);
        for (String name : removed.keySet()) {
            remove(name);
        }
        return removed;
    }

    /** Every secret set in this run, name to value. */
    static Map<String, String> secretsSet() {
        return Map.copyOf(SECRETS);
    }

    /** Whether {@code name} names a secret, whose value must not stay in any file. */
    static boolean isSecret(String name) {
        return name.endsWith(".token") || name.endsWith(".secret") || name.endsWith(".password");
    }
}
