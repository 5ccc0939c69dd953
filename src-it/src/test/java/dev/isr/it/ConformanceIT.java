package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public HTTP caching conformance suite (http-tests/cache-tests, the npm package {@code http-cache-tests}) against
 * the module: its origin server, ported to a JAX-RS resource ({@code src-it/conformance}), is deployed behind the
 * module, and the suite's own client runs every test through it (Node.js, the suite from the npm registry;
 * {@code conformance/run.mjs} drives it as its {@code cli.mjs} does, 20 tests at a time, and runs a test again
 * once if a connection broke under it). Scored as
 * cache-tests.fyi scores (shared-cache tests, dependencies honoured: {@code conformance/score.mjs}); fails when fewer
 * tests pass than {@code conformance/baseline.json} records, so that no change lowers conformance unnoticed. The
 * results, the score, and a table next to the published caches with every required test failing (what
 * docs/conformance.md shows) are left in {@code target/cache-tests/}.
 *
 * <p>WildFly only: the suite takes minutes, and the core that decides is the same on Payara.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("wildfly-only")
class ConformanceIT {

    private static final String ORIGIN = "cache-tests";
    private static final String SUITE = "http-cache-tests@0.4.5";
    private static final Path WORK = Path.of("target", "cache-tests");
    private static final Path CONFORMANCE = Path.of(System.getProperty("isr.conformance.dir"));
    private static final Pattern COUNT = Pattern.compile("\"(requiredPassed|optimalPassed)\":(\\d+)");

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = ORIGIN, managed = false, testable = false)
    static EnterpriseArchive origin() {
        return ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, new File(System.getProperty("isr.conformance.ear")));
    }

    @Test
    void passesAtLeastAsManyTestsAsRecorded() throws Exception {
        if (!controller.isStarted(DeployedEar.CONTAINER)) {
            TargetServer.current().start(controller);
        }
        DeployedEar.deleteDurableStore();
        deployer.deploy(ORIGIN);
        try {
            Files.createDirectories(WORK);
            Path suite = WORK.resolve("node_modules/http-cache-tests");
            if (!Files.exists(suite.resolve("cli.mjs"))) {
                run(
                        List.of(
                                "npm",
                                "install",
                                "--prefix",
                                WORK.toString(),
                                "--no-audit",
                                "--no-fund",
                                "--omit=dev",
                                "--no-package-lock",
                                SUITE),
                        Map.of(),
                        WORK.resolve("npm.log"),
                        600);
            }
            Path results = WORK.resolve("results.json");
            run(
                    List.of(
                            "node",
                            "--no-warnings",
                            CONFORMANCE.resolve("run.mjs").toString(),
                            suite.toString(),
                            Http.BASE.resolve("/" + ORIGIN).toString()),
                    Map.of(),
                    results,
                    900);
            Path score = WORK.resolve("score.json");
            run(
                    List.of(
                            "node",
                            CONFORMANCE.resolve("score.mjs").toString(),
                            suite.toString(),
                            results.toString(),
                            "ISR"),
                    Map.of(),
                    score,
                    60);
            run(
                    List.of(
                            "node",
                            CONFORMANCE.resolve("score.mjs").toString(),
                            suite.toString(),
                            "--markdown",
                            results.toString()),
                    Map.of(),
                    WORK.resolve("conformance.md"),
                    60);

            Map<String, Integer> now = counts(Files.readString(score));
            Map<String, Integer> recorded = counts(Files.readString(CONFORMANCE.resolve("baseline.json")));
            assertEquals(2, now.size(), "the score names both counts: " + Files.readString(score));
            for (String count : List.of("requiredPassed", "optimalPassed")) {
                assertTrue(
                        now.get(count) >= recorded.get(count),
                        count + " fell from " + recorded.get(count) + " (conformance/baseline.json) to "
                                + now.get(count) + ": " + Files.readString(score));
            }
        } finally {
            deployer.undeploy(ORIGIN);
        }
    }

    private static Map<String, Integer> counts(String json) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        Matcher count = COUNT.matcher(json);
        while (count.find()) {
            counts.put(count.group(1), Integer.parseInt(count.group(2)));
        }
        return counts;
    }

    /** Runs {@code command} with its standard output to {@code output}; fails on a non-zero exit or a time-out. */
    private static void run(List<String> command, Map<String, String> environment, Path output, long seconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(
                        output.resolveSibling(output.getFileName() + ".err").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(command + " ran longer than " + seconds + " s");
        }
        assertEquals(
                0,
                process.exitValue(),
                command + " failed: "
                        + Files.readString(
                                output.resolveSibling(output.getFileName() + ".err"), StandardCharsets.UTF_8));
    }
}
