package dev.isr.undertow;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts the {@link FastLane} in front of the deployment's servlet dispatch. Undertow finds it through
 * {@code META-INF/services/io.undertow.servlet.ServletExtension}; servers without Undertow never load it.
 *
 * <p>Left out for deployments that declare security constraints or a login configuration: the fast lane answers
 * before the container checks them, so a page that vouched for itself as visitor-independent could be answered to a
 * visitor the container would have refused. Their hits are answered by the Servlet filter, after the checks.
 */
public final class FastLaneExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        if (!deployment.getSecurityConstraints().isEmpty() || deployment.getLoginConfig() != null) {
            FastLaneLog.offForSecuredDeployment(deployment.getDeploymentName());
            return;
        }
        deployment.addInitialHandlerChainWrapper(
                next -> new FastLane(next, servletContext, deployment.getClassLoader()));
    }
}
