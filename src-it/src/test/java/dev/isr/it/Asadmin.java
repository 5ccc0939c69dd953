package dev.isr.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Payara's own {@code asadmin} of the installation {@code home}, against its domain's admin listener on 127.0.0.1
 * (unauthenticated on loopback, as a fresh domain is): what the tests need of Payara that its Arquillian adapter does
 * not do.
 */
record Asadmin(Path home, int adminPort) {

    /** An asadmin command is a JVM of its own; a domain start takes some 15 s; far longer means it is stuck. */
    private static final long TIMEOUT_SECONDS = 300;

    record Result(int exitCode, String output) {}

    /** Whether a server answers on the admin port: the domain runs (or something else holds the port). */
    boolean adminListenerAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", adminPort), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code command}; throws unless it succeeds. */
    Result mustRun(String... command) throws IOException {
        Result result = run(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", command) + ": " + result);
        }
        return result;
    }

    Result run(String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(
                home.resolve("bin").resolve("asadmin").toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(adminPort),
                "--interactive=false"));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("asadmin did not finish within " + TIMEOUT_SECONDS + " s: " + line);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + line, e);
        }
        return new Result(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }
}
