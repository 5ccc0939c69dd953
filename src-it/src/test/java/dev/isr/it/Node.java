package dev.isr.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One server of the cluster tests, seen from outside: its HTTP base and management port. */
record Node(String name, URI base, int managementPort) {

    static final Node ONE = new Node("node1", URI.create("http://127.0.0.1:8080"), 9990);
    static final Node TWO = new Node("node2", URI.create("http://127.0.0.1:8180"), 10090);

    /**
     * The public host both nodes serve ({@code isr.public-origins} in arquillian.xml): what a load balancer in front
     * of them would pass on, so that an entry stored through one node is found through the other.
     */
    static final String PUBLIC_HOST = "www.isr.test";

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return Http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Host", PUBLIC_HOST).GET());
    }

    HttpResponse<String> admin(String path, String json) throws IOException, InterruptedException {
        return Http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ClusterIT.TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Scripts the demo's lab page {@code name} on this node ({@link Http#lab(String, String)}); returns its path. */
    String lab(String name, String scriptJson) throws IOException, InterruptedException {
        return Http.lab(base, name, scriptJson);
    }

    long renders(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/demo/renders?path=" + path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(name + ": render count of " + path + ": HTTP " + response.statusCode());
        }
        return Long.parseLong(response.body().trim());
    }

    HttpResponse<String> readiness() throws IOException, InterruptedException {
        return Http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(10)).GET());
    }
}
