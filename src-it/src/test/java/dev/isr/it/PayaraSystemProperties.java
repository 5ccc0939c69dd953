package dev.isr.it;

import java.io.IOException;
import java.util.Locale;

/**
 * Sets and removes system properties of the running Payara with {@code asadmin create-system-properties} and
 * {@code delete-system-property}. Payara applies them to the running JVM at once and keeps them in
 * {@code domain.xml} until removed.
 */
record PayaraSystemProperties(Asadmin asadmin) implements TargetServer.SystemProperties {

    @Override
    public void set(String name, String value) throws IOException {
        // asadmin splits name=value pairs at ':' and '=': a value's own are escaped
        String escaped = value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
        asadmin.mustRun("create-system-properties", "--target", "server", name + "=" + escaped);
    }

    @Override
    public void remove(String name) throws IOException {
        Asadmin.Result result = asadmin.run("delete-system-property", "--target", "server", name);
        if (result.exitCode() != 0 && !result.output().toLowerCase(Locale.ROOT).contains("not exist")) {
            throw new IllegalStateException("asadmin delete-system-property " + name + ": " + result);
        }
    }
}
