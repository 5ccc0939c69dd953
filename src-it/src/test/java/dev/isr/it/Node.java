package dev.isr.it;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import org.jboss.arquillian.container.test.api.ContainerController;

/**
 * One server of the cluster tests, seen from outside: node 1 or node 2 of the failsafe execution's cluster, on WildFly
 * ({@code arquillian.launch=cluster}) or Payara ({@code payara-cluster}). Its name is its Arquillian container.
 */
record Node(String name, TargetServer server) {

    private static final boolean PAYARA = "payara-cluster".equals(System.getProperty("arquillian.launch"));

    static final Node ONE = new Node("node1", PAYARA ? PayaraServer.NODE1 : WildFlyServer.NODE1);
    static final Node TWO = new Node("node2", PAYARA ? PayaraServer.NODE2 : WildFlyServer.NODE2);

    /**
     * The public host both nodes serve ({@code isr.public-origins} of the cluster nodes): what a load balancer in front
     * of them would pass on, so that an entry stored through one node is found through the other.
     */
    static final String PUBLIC_HOST = "www.isr.test";

    void start(ContainerController controller) throws IOException {
        server.start(controller);
    }

    void stop(ContainerController controller) throws IOException {
        server.stop(controller);
    }

    void kill(ContainerController controller) {
        server.kill(controller);
    }

    ServerProcesses.Frozen freeze() {
        return server.freeze();
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return Http.send(HttpRequest.newBuilder(server.base().resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Host", PUBLIC_HOST)
                .GET());
    }

    HttpResponse<String> admin(String path, String json) throws IOException, InterruptedException {
        return Http.send(HttpRequest.newBuilder(server.base().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ClusterIT.TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> adminGet(String path) throws IOException, InterruptedException {
        return Http.send(HttpRequest.newBuilder(server.base().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ClusterIT.TOKEN)
                .GET());
    }

    /** Scripts the demo's lab page {@code name} on this node ({@link Http#lab(String, String)}); returns its path. */
    String lab(String name, String scriptJson) throws IOException, InterruptedException {
        return Http.lab(server.base(), name, scriptJson);
    }

    long renders(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/demo/renders?path=" + path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(name + ": render count of " + path + ": HTTP " + response.statusCode());
        }
        return Long.parseLong(response.body().trim());
    }

    /** {@code GET /isr/metrics} (Prometheus text). */
    String metrics() throws IOException, InterruptedException {
        HttpResponse<String> response =
                Http.send(HttpRequest.newBuilder(server.base().resolve("/isr/metrics"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + ClusterIT.TOKEN)
                        .GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(name + ": metrics: HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** The server's heap in use right after a full collection, where the server tells ({@link TargetServer}). */
    OptionalLong heapUsedAfterGc() throws IOException {
        return server.heapUsedAfterGc();
    }

    HttpResponse<String> readiness() throws IOException, InterruptedException {
        return Http.send(HttpRequest.newBuilder(server.health("ready"))
                .timeout(Duration.ofSeconds(10))
                .GET());
    }
}
