package io.callroute.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Every admin API call of the integration tests goes through {@link #send}, so that adding credentials (once the
 * authentication filter is in this build) is a change of one line there.
 */
final class AdminApi {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    AdminApi(URL base) {
        try {
            this.base = base.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, null, null);
    }

    HttpResponse<String> postJson(String path, String json) {
        return send("POST", path, json, "application/json", null);
    }

    HttpResponse<String> putJson(String path, String json, String ifMatch) {
        return send("PUT", path, json, "application/json", ifMatch);
    }

    HttpResponse<String> putYaml(String path, String yaml, String ifMatch) {
        return send("PUT", path, yaml, "application/yaml", ifMatch);
    }

    HttpResponse<String> delete(String path, String ifMatch) {
        return send("DELETE", path, null, null, ifMatch);
    }

    HttpResponse<String> send(String method, String path, String body, String contentType, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        // Credentials go here once /api is authenticated, e.g. request.header("Authorization", ADMIN_BASIC);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
