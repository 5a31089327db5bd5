package io.callroute.servers.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP against the deployed application, anonymous or with fixed headers (Basic credentials, a session cookie).
 *
 * <p>Each client has its own connection pool: after a redeploy a pooled keep-alive connection may already be closed
 * by the server, and a POST is never retried, so the suite makes a new client after every deploy.
 */
final class CallrouteClient {

    private final HttpClient client;
    private final URI base;
    private final Map<String, String> headers;

    CallrouteClient(URL base) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), uri(base), Map.of());
    }

    private CallrouteClient(HttpClient client, URI base, Map<String, String> headers) {
        this.client = client;
        this.base = base;
        this.headers = headers;
    }

    /** The same client sending one more header on every request. */
    CallrouteClient with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new CallrouteClient(client, base, more);
    }

    /** As the first admin, with HTTP Basic and the password the server JVM was given. */
    CallrouteClient asAdmin() {
        return with("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + SmokeSettings.adminPassword()).getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    HttpResponse<String> postJson(String path, String json) {
        return send("POST", path, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    HttpResponse<String> postJson(String path, byte[] json) {
        return send("POST", path, json, "application/json");
    }

    HttpResponse<String> putJson(String path, String json) {
        return send("PUT", path, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    HttpResponse<String> send(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(URL base) {
        try {
            return base.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
