package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.it.broken.BrokenDeclaration;
import java.io.File;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bad {@code @Isr} fails the deployment, with a message naming the method and the value: the demo EAR with one
 * resource added whose {@code maxAge} has a typo and whose tag names a parameter the method does not have.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrokenAnnotationIT {

    private static final String BROKEN = "broken";

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = BROKEN, managed = false, testable = false)
    static EnterpriseArchive broken() {
        EnterpriseArchive demo =
                ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("isr.ear")));
        WebArchive war = demo.getAsType(WebArchive.class, "isr-demo.war").addClass(BrokenDeclaration.class);
        EnterpriseArchive ear =
                ShrinkWrap.create(EnterpriseArchive.class, "isr-broken.ear").merge(demo);
        ear.delete("isr-demo.war");
        return ear.addAsModule(war);
    }

    @Test
    void aBadValueFailsTheDeploymentNamingTheMethodAndTheValue() throws Exception {
        if (!controller.isStarted(DeployedEar.CONTAINER)) {
            TargetServer.current().start(controller);
        }
        Exception failure = assertThrows(Exception.class, () -> deployer.deploy(BROKEN));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        String all = messages.toString();
        assertTrue(all.contains("ISR0601: @Isr on BrokenDeclaration.page()"), all);
        assertTrue(
                all.contains("maxAge \\\"6O s\\\" is not a duration") || all.contains("maxAge \"6O s\" is not"),
                all); // the management API escapes the quotes
        assertTrue(all.contains("names {id}, which is not a parameter of the method"), all);
    }
}
