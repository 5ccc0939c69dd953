package dev.isr.it;

import java.util.Arrays;
import org.jboss.arquillian.container.test.api.ContainerController;

/** Kills a server the hard way, as a crashed machine would leave it, and tells Arquillian about it. */
final class ServerProcesses {

    private ServerProcesses() {
    }

    /**
     * Sends SIGKILL to the server process whose command line has the argument {@code marker} (the installation it
     * runs from), and waits until it is gone. The JDK shows the arguments of command lines up to 4 KiB only.
     */
    static void kill9(String marker) {
        ProcessHandle server = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(marker)).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no server process with " + marker));
        kill9(server);
    }

    /** Sends SIGKILL to the process {@code pid} (a server's own pid file names it), and waits until it is gone. */
    static void kill9(long pid) {
        kill9(ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid)));
    }

    private static void kill9(ProcessHandle server) {
        server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no graceful leave
        server.onExit().join();
    }

    /** Lets Arquillian record that a killed server is stopped; its own shutdown attempt fails and is ignored. */
    static void forget(ContainerController controller, String container) {
        try {
            controller.stop(container);
        } catch (RuntimeException e) {
            // the process is gone: nothing to stop
        }
    }
}
