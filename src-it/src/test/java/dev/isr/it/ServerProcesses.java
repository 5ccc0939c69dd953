package dev.isr.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.ContainerController;

/**
 * Faults a server's process the hard way, as a crashed or hung machine would leave it: SIGKILL, or SIGSTOP and SIGCONT
 * (a process that stops answering anyone, its sockets still open, as a long pause or a cut-off host looks to its
 * peers). Processes are found by pid, never by name.
 */
final class ServerProcesses {

    private ServerProcesses() {}

    /**
     * The server process whose command line has the argument {@code marker} (the installation it runs from). The JDK
     * shows the arguments of command lines up to 4 KiB only.
     */
    static ProcessHandle withArgument(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .arguments()
                        .map(args -> Arrays.asList(args).contains(marker))
                        .orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no server process with " + marker));
    }

    /** The process {@code pid} (a server's own pid file names it). */
    static ProcessHandle of(long pid) {
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
    }

    /** Sends SIGKILL to {@code server} and waits until it is gone: no shutdown hook, no graceful leave. */
    static void kill9(ProcessHandle server) {
        server.destroyForcibly(); // SIGKILL on Linux
        server.onExit().join();
    }

    /** Sends {@code signal} ({@code STOP} or {@code CONT}) to {@code server}: the JDK sends only TERM and KILL. */
    private static void signal(ProcessHandle server, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(server.pid()))
                    .inheritIO()
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + server.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A process stopped with SIGSTOP ({@link #freeze}); closing it sends SIGCONT, and it goes on where it stopped. */
    record Frozen(ProcessHandle process) implements AutoCloseable {

        @Override
        public void close() {
            signal(process, "CONT");
        }
    }

    /** Stops {@code server} with SIGSTOP; close what this returns, in a {@code finally}, to let it go on. */
    static Frozen freeze(ProcessHandle server) {
        signal(server, "STOP");
        return new Frozen(server);
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
