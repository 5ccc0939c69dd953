package dev.isr.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jboss.arquillian.container.test.api.ContainerController;

/**
 * One server the tests run on, seen from outside: where it answers, and how to start, stop and kill it. It hides where
 * WildFly and Payara differ for a black-box test (data directory, health endpoint, how system properties are set, who
 * starts the process), and nothing else. The tests stay the same on both; tests that can only run on WildFly carry
 * {@code @Tag("wildfly-only")}.
 */
interface TargetServer {

    /** The single-node server of the failsafe execution: WildFly unless {@code arquillian.launch} is {@code payara}. */
    static TargetServer current() {
        return "payara".equals(System.getProperty("arquillian.launch")) ? PayaraServer.SINGLE : WildFlyServer.SINGLE;
    }

    /**
     * The Arquillian container of this server, the only one in the registry for a single node, which is why
     * single-node deployments need no {@code @TargetsContainer}.
     */
    String container();

    /** The HTTP listener, {@code http://127.0.0.1:port}. */
    URI base();

    /** The MicroProfile Health endpoint {@code check} ({@code ready}, {@code live}) of the running server. */
    URI health(String check);

    /**
     * The server's configuration file, where system properties set through its management API are kept (and which
     * the demo copies): {@code standalone-isr.xml} on WildFly, the domain's {@code domain.xml} on Payara.
     */
    Path configurationFile();

    /**
     * The copies of earlier states of that file the server keeps by itself ({@code standalone_xml_history} on WildFly,
     * {@code domain.xml.bak} on Payara): they hold what a test set, until they are deleted.
     */
    List<Path> configurationBackups() throws IOException;

    /**
     * Where the server's own metrics system answers in Prometheus text, with the module's metrics registered in it:
     * WildFly's Micrometer registry on the management port, Payara's MicroProfile Metrics on the HTTP listener.
     */
    URI serverMetrics();

    /** The server's data directory, under which the module's default {@code isr.store.path} lies. */
    Path dataDirectory();

    /** The server's log file, where the module's log lines land. */
    Path serverLog();

    /**
     * How many of the server's request worker threads are busy now, where the server tells (WildFly: the {@code io}
     * subsystem's default worker, which runs Undertow's requests); empty where it does not.
     */
    default OptionalInt busyWorkerThreads() throws IOException {
        return OptionalInt.empty();
    }

    /**
     * The heap in use right after a full collection the call asks for, where the server tells (WildFly: its platform
     * MBeans over the management API); empty where it does not.
     */
    default OptionalLong heapUsedAfterGc() throws IOException {
        return OptionalLong.empty();
    }

    /** Starts the server unless it runs, and returns once it answers with its deployments loaded. */
    void start(ContainerController controller) throws IOException;

    /** Stops the server gracefully; its deployments stay in its configuration and come back at the next start. */
    void stop(ContainerController controller) throws IOException;

    /** The server's running process. */
    ProcessHandle process();

    /** Kills the server with SIGKILL, as a crashed machine would leave it, and tells Arquillian it is gone. */
    default void kill(ContainerController controller) {
        ServerProcesses.kill9(process());
        ServerProcesses.forget(controller, container());
    }

    /**
     * Stops the server's process with SIGSTOP: it answers no one, peers included, while its sockets stay open, so the
     * cluster learns of it only by its silence (failure detection by heartbeat), as of a host cut off from the network.
     * Closing what this returns lets it go on.
     */
    default ServerProcesses.Frozen freeze() {
        return ServerProcesses.freeze(process());
    }

    SystemProperties systemProperties();

    /** Sets and removes system properties of the running server, for the module to read at its next deploy. */
    interface SystemProperties {

        void set(String name, String value) throws IOException;

        /** Removes {@code name}; nothing happens when it is not set. */
        void remove(String name) throws IOException;
    }
}
