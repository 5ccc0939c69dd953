package dev.isr.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A tiny HTTP client for black-box tests against the server on 127.0.0.1. */
final class Http {

    static final URI BASE = URI.create("http://127.0.0.1:8080");

    /**
     * HTTP/1.1 only: over HTTP/2 (h2c, which Undertow accepts) the JDK sends the URI's authority as {@code :authority}
     * and drops a {@code Host} the test sets, and tests send {@code Host} as a visitor or a load balancer would.
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Http() {}

    static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(BASE.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    static HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(pathAndQuery).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    static HttpResponse<String> head(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    static HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a GET of {@code pathAndQuery} without waiting: many at once take no thread of the test. */
    static CompletableFuture<HttpResponse<String>> getAsync(String pathAndQuery) {
        return CLIENT.sendAsync(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code page} until its body contains {@code text}, for at most 15 s; returns that response. */
    static HttpResponse<String> awaitBody(String page, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> response;
        do {
            response = get(page);
            if (response.body().contains(text)) {
                return response;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(
                page + " never answered '" + text + "'; last: " + cacheStatus(response) + " " + response.body());
    }

    /**
     * A purge's answer without the names of the members that acknowledged it ({@code "acknowledged":[...]}, which
     * depend on the host): {@code {"purged":N,"nodes":M}}.
     */
    static String counts(String purgeAnswer) {
        return purgeAnswer.replaceFirst(",\"acknowledged\":\\[[^\\]]*]", "");
    }

    static String cacheStatus(HttpResponse<?> response) {
        return response.headers().firstValue("Cache-Status").orElse("<none>");
    }

    /** How often the demo really rendered {@code path} (its render counter, not the cache's). */
    static long renders(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/demo/renders?path=" + path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("render count for " + path + ": HTTP " + response.statusCode());
        }
        return Long.parseLong(response.body().trim());
    }

    /** Scripts the demo's lab page {@code /demo/lab/<name>} (see the demo's LabScript) and returns its path. */
    static String lab(String name, String scriptJson) throws IOException, InterruptedException {
        return lab(BASE, name, scriptJson);
    }

    /** {@link #lab(String, String)} on the server at {@code base}: each server keeps its own scripts. */
    static String lab(URI base, String name, String scriptJson) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/demo/lab/" + name + "/script"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(scriptJson)));
        if (response.statusCode() != 204) {
            throw new IllegalStateException("scripting lab " + name + " on " + base + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
        return "/demo/lab/" + name;
    }

    /** A lab script with these cache header fields (name, value, name, value...). */
    static String headers(String... fields) {
        StringBuilder json = new StringBuilder("{\"headers\":{");
        for (int i = 0; i < fields.length; i += 2) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"')
                    .append(fields[i])
                    .append("\":\"")
                    .append(fields[i + 1])
                    .append('"');
        }
        return json.append("}}").toString();
    }
}
