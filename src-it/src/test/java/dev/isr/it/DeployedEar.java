package dev.isr.it;

import java.io.File;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box tests of the real EAR on the WildFly the build provisioned, over HTTP.
 *
 * <p>The container is manual so that a test can restart it. The first test of a class starts the server if it is
 * not running and deploys the EAR; Arquillian undeploys it after the class and stops the server after the suite.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedEar {

    static final String CONTAINER = "wildfly";
    static final String DEPLOYMENT = "isr";

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("isr.ear")));
    }

    @BeforeEach
    void serverWithEarDeployed() throws Exception {
        if (!controller.isStarted(CONTAINER)) {
            controller.start(CONTAINER);
        }
        if (!DeploymentState.isDeployedFor(getClass())) {
            beforeDeploy();
            deployer.deploy(DEPLOYMENT);
            DeploymentState.deployedFor(getClass());
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
