package dev.isr.bench;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import jakarta.servlet.ServletContext;
import java.nio.ByteBuffer;

/**
 * The server's ceiling: an Undertow handler before servlet dispatch that writes the page from memory on the I/O
 * thread, for {@code /ceiling/handler}; every other request goes on. No cache could answer a hit for less on this
 * server.
 */
public class CeilingHandler implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> new HttpHandler() {
            @Override
            public void handleRequest(HttpServerExchange exchange) throws Exception {
                if (!exchange.getRelativePath().equals("/handler")) {
                    next.handleRequest(exchange);
                    return;
                }
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html;charset=UTF-8");
                exchange.setResponseContentLength(Bodies.PAGE.length);
                exchange.getResponseSender().send(ByteBuffer.wrap(Bodies.PAGE).asReadOnlyBuffer());
            }
        });
    }
}
