package dev.isr.it;

import java.io.IOException;
import java.net.InetAddress;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * Sets and removes system properties of the running WildFly through its management API (local authentication, as
 * Arquillian itself uses), so that a test can give the module a configuration and take it back. They are persisted in
 * the server's configuration file until removed.
 */
record WildFlySystemProperties(int managementPort) implements TargetServer.SystemProperties {

    @Override
    public void set(String name, String value) throws IOException {
        remove(name);
        ModelNode op = operation("add", name);
        op.get("value").set(value);
        execute(op);
    }

    @Override
    public void remove(String name) throws IOException {
        ModelNode read = operation("read-resource", name);
        if (execute(read, false)) {
            execute(operation("remove", name));
        }
    }

    private static ModelNode operation(String name, String property) {
        ModelNode op = new ModelNode();
        op.get("operation").set(name);
        op.get("address").add("system-property", property);
        return op;
    }

    private void execute(ModelNode op) throws IOException {
        execute(op, true);
    }

    private boolean execute(ModelNode op, boolean mustSucceed) throws IOException {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("remote+http",
                InetAddress.getByName("127.0.0.1"), managementPort)) {
            ModelNode result = client.execute(op);
            boolean success = "success".equals(result.get("outcome").asString());
            if (!success && mustSucceed) {
                throw new IllegalStateException("management operation failed: " + op + " -> " + result);
            }
            return success;
        }
    }
}
