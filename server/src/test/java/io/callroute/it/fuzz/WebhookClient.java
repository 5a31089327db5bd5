package io.callroute.it.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends fuzz cases to the deployed webhook over real HTTP/1.1 (8x8 speaks HTTP/1.1), with the deployment's webhook
 * secret when it has one: the fuzzer is meant to reach the parser and the rules, not to be stopped at the door.
 */
public final class WebhookClient {

    /**
     * Longer than any answer may take (the decision deadline is 2 s, bodies are capped at 64 KiB): a request without
     * an answer by then counts as a hang.
     */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String authorization;

    public WebhookClient(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /**
     * The Authorization value the deployment expects, read as the server reads CALLROUTE_WEBHOOK_AUTH (system
     * property first, then environment; blank is unset). The embedded container runs in this JVM, so the two agree.
     */
    public static String configuredAuthorization() {
        String value = System.getProperty("callroute.webhook.auth");
        if (value == null || value.isBlank()) {
            value = System.getenv("CALLROUTE_WEBHOOK_AUTH");
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    public HttpResponse<String> send(FuzzCase fuzzCase) throws IOException, InterruptedException {
        return post(fuzzCase.path(), fuzzCase.contentType(), fuzzCase.body());
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(ANSWER_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(base.resolve(path)).timeout(ANSWER_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
