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
 * Payara's own {@code asadmin} against the provisioned domain (admin listener 127.0.0.1:4848, unauthenticated on
 * loopback as the fresh domain is): what the tests need of Payara that its Arquillian adapter does not do.
 */
final class Asadmin {

    /** An asadmin command is a JVM of its own; a domain start takes some 15 s; far longer means it is stuck. */
    private static final long TIMEOUT_SECONDS = 300;

    private Asadmin() {
    }

    record Result(int exitCode, String output) {
    }

    /**
     * Starts the domain unless its admin listener answers. Why: the adapter (3.0.alpha7) starts the domain only at
     * its first deployment, so {@code ContainerController.start} alone leaves it down, unlike WildFly's.
     */
    static void startDomainIfDown() throws IOException {
        if (adminListenerAnswers()) {
            return;
        }
        Result result = run("start-domain");
        if (result.exitCode() != 0) {
            throw new IllegalStateException("asadmin start-domain: " + result);
        }
    }

    private static boolean adminListenerAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 4848), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Result run(String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("payara.home"), "bin", "asadmin").toString(),
                "--host", "127.0.0.1", "--port", "4848", "--interactive=false"));
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
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }
}
