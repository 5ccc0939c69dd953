package dev.isr.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.ContainerController;

/**
 * A provisioned Payara ({@code home}, its domain {@code payara.domain}), which the tests start and stop themselves with
 * {@code asadmin}, once per suite; its Arquillian adapter only connects to the running domain and deploys
 * ({@code allowConnectingToRunningServer} in arquillian.xml). Why: the adapter (3.0.alpha7) starts a domain only at
 * its first deployment, not at {@code ContainerController.start}, and stops it after every test class, so each class
 * would boot Payara and load the EAR again.
 *
 * <p>A domain that already runs when the tests first start it is refused: it is not the one the build prepared. The
 * domains started here are stopped when the test run ends ({@link StopStartedServers}). Health is on the HTTP
 * listener.
 */
record PayaraServer(String container, Path home, int httpPort, int adminPort) implements TargetServer {

    static final PayaraServer SINGLE = new PayaraServer("payara", home("payara.home"), 8080, 4848);

    /** The two nodes of the cluster suite: an installation each, node 2 with every port moved (src-it/pom.xml). */
    static final PayaraServer NODE1 = new PayaraServer("node1", home("payara.node1.home"), 8080, 4848);

    static final PayaraServer NODE2 = new PayaraServer("node2", home("payara.node2.home"), 8180, 4948);

    /** {@code asadmin start-domain} returns before the applications are loaded; the EAR takes some 6 s more. */
    private static final Duration DEPLOYMENTS_TIMEOUT = Duration.ofSeconds(180);

    /** The domains this JVM started, to be stopped when the run ends. */
    private static final Set<PayaraServer> STARTED = ConcurrentHashMap.newKeySet();

    private static Path home(String property) {
        return Path.of(System.getProperty(property, "(" + property + " not set)"));
    }

    Asadmin asadmin() {
        return new Asadmin(home, adminPort);
    }

    Path domainDirectory() {
        return home.resolve("glassfish").resolve("domains").resolve(System.getProperty("payara.domain", "domain1"));
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    @Override
    public URI health(String check) {
        return base().resolve("/health/" + check);
    }

    @Override
    public URI serverMetrics() {
        return URI.create("http://127.0.0.1:" + httpPort + "/metrics");
    }

    @Override
    public Path configurationFile() {
        return domainDirectory().resolve("config").resolve("domain.xml");
    }

    @Override
    public List<Path> configurationBackups() {
        Path backup = domainDirectory().resolve("config").resolve("domain.xml.bak");
        return Files.exists(backup) ? List.of(backup) : List.of();
    }

    @Override
    public Path dataDirectory() {
        return domainDirectory().resolve("data");
    }

    @Override
    public Path serverLog() {
        return domainDirectory().resolve("logs").resolve("server.log");
    }

    @Override
    public void start(ContainerController controller) throws IOException {
        Asadmin asadmin = asadmin();
        if (!asadmin.adminListenerAnswers()) {
            asadmin.mustRun("start-domain");
            STARTED.add(this);
        } else if (!STARTED.contains(this)) {
            throw new IllegalStateException(container + ": a server the tests did not start answers on 127.0.0.1:"
                    + adminPort + "; stop it, the tests start the Payara the build prepared");
        }
        awaitDeployments();
        controller.start(container); // the adapter connects to the running domain
    }

    /**
     * Waits until the deployed applications answer, as WildFly's adapter does before {@code start} returns: the
     * module's admin API ({@code /isr/stats}, 401 without a token) answers 404 until the EAR's web module is loaded.
     */
    private void awaitDeployments() throws IOException {
        if (asadmin().mustRun("list-applications").output().contains("Nothing to list")) {
            return;
        }
        long deadline = System.nanoTime() + DEPLOYMENTS_TIMEOUT.toNanos();
        int status = 0;
        try {
            while (System.nanoTime() < deadline) {
                try {
                    status = Http.send(HttpRequest.newBuilder(base().resolve("/isr/stats"))
                                    .timeout(Duration.ofSeconds(10))
                                    .GET())
                            .statusCode();
                    if (status != 404) {
                        return;
                    }
                } catch (IOException e) {
                    status = -1; // the HTTP listener is not up yet
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the deployments of " + container, e);
        }
        throw new IllegalStateException(
                container + ": deployments not loaded after " + DEPLOYMENTS_TIMEOUT + " (/isr/stats: " + status + ")");
    }

    @Override
    public void stop(ContainerController controller) throws IOException {
        controller.stop(container); // Arquillian's record: the adapter leaves a domain it connected to running
        asadmin().mustRun("stop-domain");
    }

    @Override
    public ProcessHandle process() {
        Path pidFile = domainDirectory().resolve("config").resolve("pid"); // written by the running domain
        try {
            return ServerProcesses.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(container + ": no pid file " + pidFile, e);
        }
    }

    @Override
    public SystemProperties systemProperties() {
        return new PayaraSystemProperties(asadmin());
    }

    /** Stops every domain this JVM started that still runs. */
    static void stopStarted() {
        for (PayaraServer server : STARTED) {
            try {
                if (server.asadmin().adminListenerAnswers()) {
                    server.asadmin().run("stop-domain");
                }
            } catch (IOException e) {
                System.err.println(server.container() + ": stop-domain failed: " + e);
            }
        }
        STARTED.clear();
    }
}
