package dev.isr.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny HTTP client for black-box tests against the server on 127.0.0.1. */
final class Http {

    static final URI BASE = URI.create("http://127.0.0.1:8080");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Http() {
    }

    static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(BASE.resolve(pathAndQuery)).GET());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
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
}
