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
        return readAttribute(address("subsystem", "io", "worker", "default"), "busy-task-thread-count")
                .asInt();
    }

    /** Asks the server's JVM for a full collection, then reads the heap it uses. */
    long heapUsedAfterGc() throws IOException {
        ModelNode gc = new ModelNode();
        gc.get("operation").set("gc");
        gc.get("address").set(address("core-service", "platform-mbean", "type", "memory"));
        execute(gc, true);
        return readAttribute(address("core-service", "platform-mbean", "type", "memory"), "heap-memory-usage")
                .get("used")
                .asLong();
    }

    private ModelNode readAttribute(ModelNode address, String name) throws IOException {
        ModelNode read = new ModelNode();
        read.get("operation").set("read-attribute");
        read.get("address").set(address);
        read.get("name").set(name);
        ModelNode result = result(read);
        if (!"success".equals(result.get("outcome").asString())) {
            throw new IllegalStateException("reading " + name + " failed: " + result);
        }
        return result.get("result");
    }

    /** A management address from pairs of type and name. */
    private static ModelNode address(String... pairs) {
        ModelNode address = new ModelNode().setEmptyList();
        for (int i = 0; i < pairs.length; i += 2) {
            address.add(pairs[i], pairs[i + 1]);
        }
        return address;
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
        try (ModelControllerClient client = ModelControllerClient.Factory.create(
                "remote+http", InetAddress.getByName("127.0.0.1"), managementPort)) {
            return client.execute(op);
        }
    }
}
