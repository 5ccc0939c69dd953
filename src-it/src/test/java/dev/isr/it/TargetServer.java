package dev.isr.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.ContainerController;

/**
 * The server the failsafe execution runs the tests on, chosen by {@code arquillian.launch}: where the two servers
 * differ for a black-box test (data directory, health endpoint, how system properties are set), and nothing else.
 * The tests stay the same; tests that can only run on WildFly carry {@code @Tag("wildfly-only")}.
 */
enum TargetServer {

    /** The provisioned WildFly ({@code jboss.home}): health on the management port, properties through its API. */
    WILDFLY(() -> Path.of(System.getProperty("jboss.home"), "standalone", "data"),
            "http://127.0.0.1:9990/health/", () -> WildFlySystemProperties.INSTANCE, () -> { }),

    /**
     * The provisioned Payara ({@code payara.home}, domain {@code payara.domain}): health on the HTTP listener. The
     * domain directory is Payara's {@code com.sun.aas.instanceRoot}, under whose {@code data} the module's store lies.
     */
    PAYARA(() -> Path.of(System.getProperty("payara.home"), "glassfish", "domains", System.getProperty("payara.domain"),
            "data"), "http://127.0.0.1:8080/health/", () -> PayaraSystemProperties.INSTANCE,
            Asadmin::startDomainIfDown);

    private final Supplier<Path> dataDirectory;
    private final String healthBase;
    private final Supplier<SystemProperties> systemProperties;
    private final StartCompletion startCompletion;

    TargetServer(Supplier<Path> dataDirectory, String healthBase, Supplier<SystemProperties> systemProperties,
            StartCompletion startCompletion) {
        this.dataDirectory = dataDirectory;
        this.healthBase = healthBase;
        this.systemProperties = systemProperties;
        this.startCompletion = startCompletion;
    }

    /** Starts the container and returns once the server answers, as WildFly's adapter does by itself. */
    void start(ContainerController controller) throws IOException {
        controller.start(container());
        startCompletion.run();
    }

    /** The failsafe execution's server; the single-node WildFly unless {@code arquillian.launch} is {@code payara}. */
    static TargetServer current() {
        return "payara".equals(System.getProperty("arquillian.launch")) ? PAYARA : WILDFLY;
    }

    /**
     * The Arquillian container to start: the launched one ({@code wildfly} or {@code payara}), the only container
     * in the registry, which is also why deployments need no {@code @TargetsContainer}.
     */
    String container() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The server's data directory, under which the module's default {@code isr.store.path} lies. */
    Path dataDirectory() {
        return dataDirectory.get();
    }

    /** The MicroProfile Health endpoint {@code check} ({@code ready}, {@code live}) of the running server. */
    URI health(String check) {
        return URI.create(healthBase + check);
    }

    SystemProperties systemProperties() {
        return systemProperties.get();
    }

    /** What a server needs after {@code ContainerController.start} to be up; nothing on WildFly. */
    @FunctionalInterface
    private interface StartCompletion {
        void run() throws IOException;
    }

    /** Sets and removes system properties of the running server, for the module to read at its next deploy. */
    interface SystemProperties {

        void set(String name, String value) throws IOException;

        /** Removes {@code name}; nothing happens when it is not set. */
        void remove(String name) throws IOException;
    }
}
