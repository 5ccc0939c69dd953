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

    /** The busy task threads of the {@code io} subsystem's default worker, where Undertow runs requests. */
    int busyWorkerThreads() throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("read-attribute");
        op.get("address").add("subsystem", "io").add("worker", "default");
        op.get("name").set("busy-task-thread-count");
        ModelNode result = result(op);
        if (!"success".equals(result.get("outcome").asString())) {
            throw new IllegalStateException("reading the worker's busy threads failed: " + result);
        }
        return result.get("result").asInt();
    }

    /** Asks the server's JVM for a full collection, then reads the heap it uses. */
    long heapUsedAfterGc() throws IOException {
        ModelNode gc = new ModelNode();
        gc.get("operation").set("gc");
        gc.get("address").add("core-service", "platform-mbean").add("type", "memory");
        execute(gc, true);
        ModelNode read = new ModelNode();
        read.get("operation").set("read-attribute");
        read.get("address").add("core-service", "platform-mbean").add("type", "memory");
        read.get("name").set("heap-memory-usage");
        ModelNode result = result(read);
        if (!"success".equals(result.get("outcome").asString())) {
            throw new IllegalStateException("reading the heap failed: " + result);
        }
        return result.get("result").get("used").asLong();
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
        ModelNode result = result(op);
        boolean success = "success".equals(result.get("outcome").asString());
        if (!success && mustSucceed) {
            throw new IllegalStateException("management operation failed: " + op + " -> " + result);
        }
        return success;
    }

    private ModelNode result(ModelNode op) throws IOException {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("remote+http",
                InetAddress.getByName("127.0.0.1"), managementPort)) {
            return client.execute(op);
        }
    }
}
