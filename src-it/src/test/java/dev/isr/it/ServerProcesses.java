package dev.isr.it;

import org.jboss.arquillian.container.test.api.ContainerController;

/** Kills a server the hard way, as a crashed machine would leave it, and tells Arquillian about it. */
final class ServerProcesses {

    private ServerProcesses() {
    }

    /** Sends SIGKILL to the server running from {@code jbossHome}. */
    static void kill9(String jbossHome) {
        String marker = "-Djboss.home.dir=" + jbossHome;
        ProcessHandle server = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> java.util.Arrays.asList(args).contains(marker))
                        .orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no server process with " + marker));
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
