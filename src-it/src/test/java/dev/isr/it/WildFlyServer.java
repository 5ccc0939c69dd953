package dev.isr.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.ContainerController;

/**
 * A provisioned WildFly ({@code home}), started and stopped by its Arquillian adapter, which waits for the deployments
 * itself. Health is on the management port; system properties are set through the management API.
 */
record WildFlyServer(String container, Path home, int httpPort, int managementPort) implements TargetServer {

    static final WildFlyServer SINGLE =
            new WildFlyServer("wildfly", Path.of(System.getProperty("jboss.home")), 8080, 9990);

    /** The two nodes of the cluster suite: a second installation with port offset 100 (arquillian.xml). */
    static final WildFlyServer NODE1 =
            new WildFlyServer("node1", Path.of(System.getProperty("jboss.home")), 8080, 9990);

    static final WildFlyServer NODE2 =
            new WildFlyServer("node2", Path.of(System.getProperty("jboss.node2.home")), 8180, 10090);

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    @Override
    public URI health(String check) {
        return URI.create("http://127.0.0.1:" + managementPort + "/health/" + check);
    }

    @Override
    public URI serverMetrics() {
        return URI.create("http://127.0.0.1:" + managementPort + "/prometheus");
    }

    @Override
    public Path configurationFile() {
        return home.resolve("standalone")
                .resolve("configuration")
                .resolve(System.getProperty("wildfly.config", "standalone-isr.xml"));
    }

    @Override
    public List<Path> configurationBackups() throws IOException {
        Path history = home.resolve("standalone").resolve("configuration").resolve("standalone_xml_history");
        if (!Files.isDirectory(history)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(history)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Override
    public Path dataDirectory() {
        return home.resolve("standalone").resolve("data");
    }

    @Override
    public OptionalInt busyWorkerThreads() throws IOException {
        return OptionalInt.of(((WildFlySystemProperties) systemProperties()).busyWorkerThreads());
    }

    @Override
    public OptionalLong heapUsedAfterGc() throws IOException {
        return OptionalLong.of(((WildFlySystemProperties) systemProperties()).heapUsedAfterGc());
    }

    @Override
    public Path serverLog() {
        return home.resolve("standalone").resolve("log").resolve("server.log");
    }

    @Override
    public void start(ContainerController controller) {
        controller.start(container);
    }

    @Override
    public void stop(ContainerController controller) {
        controller.stop(container);
    }

    @Override
    public ProcessHandle process() {
        return ServerProcesses.withArgument("-Djboss.home.dir=" + home);
    }

    @Override
    public SystemProperties systemProperties() {
        return new WildFlySystemProperties(managementPort);
    }
}
