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
import java.util.Base64;

/**
 * Every admin API call of the integration tests goes through {@link #send}: as the first admin (HTTP Basic with the
 * password failsafe gives the server), or as whoever {@link #as} names.
 *
 * <p>Each {@code new AdminApi(base)} has its own HTTP client: a client shared by every test class would offer the
 * next class a keep-alive connection to the previous deployment's server, which a POST or DELETE (never retried)
 * then finds closed.
 */
final class AdminApi {

    static final String ADMIN_PASSWORD = System.getProperty("callroute.admin.password", "it-admin-password-1");

    private final HttpClient client;
    private final URI base;
    private final String authorization;

    AdminApi(URL base) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), uri(base),
                basic("admin", ADMIN_PASSWORD));
    }

    private AdminApi(HttpClient client, URI base, String authorization) {
        this.client = client;
        this.base = base;
        this.authorization = authorization;
    }

    /** The same API used with another {@code Authorization} header value; null for none. */
    AdminApi as(String otherAuthorization) {
        return new AdminApi(client, base, otherAuthorization);
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static URI uri(URL base) {
        try {
            return base.toURI();
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
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
