package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box tests of the real EAR on the server the build provisioned ({@link TargetServer}: WildFly or Payara), over
 * HTTP.
 *
 * <p>The container is manual so that a test can restart it. The first test of a class starts the server if it is
 * not running, empties the persistent store and deploys the EAR; Arquillian undeploys it after the class and stops
 * the server after the suite. So every class starts from an empty cache, whatever ran before it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedEar {

    /** The launched container, the only one in Arquillian's registry: so the deployment needs no target. */
    static final String CONTAINER = TargetServer.current().container();

    static final String DEPLOYMENT = "isr";

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("isr.ear")));
    }

    @BeforeEach
    void serverWithEarDeployed() throws Exception {
        if (!controller.isStarted(CONTAINER)) {
            TargetServer.current().start(controller);
        }
        if (!DeploymentState.isDeployedFor(getClass())) {
            // durable entries survive redeploys: each class starts from an empty store, whatever ran before it
            deleteDurableStore();
            beforeDeploy();
            deployer.deploy(DEPLOYMENT);
            DeploymentState.deployedFor(getClass());
        }
    }

    /** Empties the module's store under the server's data directory (the default {@code isr.store.path}). */
    static void deleteDurableStore() throws IOException {
        Path store = TargetServer.current().dataDirectory().resolve("isr");
        if (Files.exists(store)) {
            try (Stream<Path> files = Files.walk(store)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * After every class: the server properties it set are removed, and the server's configuration file holds none of
     * the secrets it was given ({@code isr.admin.token}, {@code isr.webhook.secret}, ...): the demo copies that file,
     * and a secret a test leaves there would ship with it. The server's own backups of the states the tests made are
     * deleted when they hold one.
     */
    @AfterAll
    static void noSecretIsLeftInTheServerConfiguration() throws IOException {
        ServerProperties.removeAll();
        Map<String, String> secrets = ServerProperties.secretsSet();
        for (Path backup : TargetServer.current().configurationBackups()) {
            String copy = Files.readString(backup);
            if (secrets.values().stream().anyMatch(copy::contains)) {
                Files.delete(backup);
            }
        }
        Path file = TargetServer.current().configurationFile();
        String configuration = Files.readString(file);
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            assertFalse(configuration.contains(secret.getValue()), secret.getKey() + " is left in " + file);
        }
    }

    /** Runs once per class, with the server up, before the EAR is deployed: for server settings the class needs. */
    void beforeDeploy() throws Exception {
        // nothing by default
    }

    /** Undeploys and deploys the EAR again, so that it reads its configuration anew. */
    void redeploy() {
        deployer.undeploy(DEPLOYMENT);
        deployer.deploy(DEPLOYMENT);
    }
}
