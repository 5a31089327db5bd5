package io.callroute.launcher.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 8x8 fixtures of the server's tests as webhook calls, each sent with a fresh {@code eventId} and
 * {@code callId}: the server answers a repeated eventId from its cache (8x8 may deliver an event twice), which
 * would measure the cache, not the decision.
 */
public final class Calls {

    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"[^\"]*\"");
    private static final Pattern CALL_ID = Pattern.compile("\"callId\"\\s*:\\s*\"[^\"]*\"");
    /** The version number the server writes into clientActionId ({@code main_menu:v7}). */
    private static final Pattern VERSION = Pattern.compile("(\"clientActionId\":\"[^\"]*:v)(\\d+)\"");

    private final HttpClient http;
    private final String webhookAuthorization;

    /**
     * @param webhookAuthorization the {@code Authorization} value the server expects on webhooks, or null
     */
    public Calls(String webhookAuthorization) {
        // One client, HTTP/1.1 keep-alive connections shared by the load threads, as a real sender's pool would be.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.webhookAuthorization = webhookAuthorization;
    }

    /** A fixture as a call to {@code /webhooks/<endpoint>}. */
    public record Call(String fixture, String endpoint, String template) {

        /** The body with a new eventId and callId (the first of each; a session summary has no eventId). */
        public String body() {
            String body = EVENT_ID.matcher(template).replaceFirst(
                    Matcher.quoteReplacement("\"eventId\": \"" + UUID.randomUUID() + "\""));
            return CALL_ID.matcher(body).replaceFirst(
                    Matcher.quoteReplacement("\"callId\": \"" + UUID.randomUUID() + "\""));
        }
    }

    public static Call fixture(String name) throws IOException {
        String template = Files.readString(Path.of(System.getProperty("callroute.fixtures.dir")).resolve(name));
        String endpoint = name.substring(0, name.indexOf('_'));   // vca_…, vcs_…, vss_… name the endpoint
        if (endpoint.equals("vca") && !EVENT_ID.matcher(template).find()) {
            throw new IllegalArgumentException(name + " has no eventId to renew");
        }
        return new Call(name, endpoint, template);
    }

    public static List<Call> fixtures(String... names) throws IOException {
        List<Call> calls = new java.util.ArrayList<>();
        for (String name : names) {
            calls.add(fixture(name));
        }
        return List.copyOf(calls);
    }

    public HttpResponse<String> send(URI base, Call call) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/webhooks/" + call.endpoint()))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(call.body()));
        if (webhookAuthorization != null) {
            request.header("Authorization", webhookAuthorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends each call once and returns how many were answered with {@code fallbackMarker} (the text of
     * CALLROUTE_FALLBACK_MESSAGE). The first decisions of a freshly started server are slow (class loading, the JIT,
     * the rule base's first session); on a loaded machine one may overrun the 2 s decision deadline and get the
     * fallback. The checks warm the server up with this before taking what it answers as the expected answers, and
     * report the count.
     */
    public int warmUp(URI base, List<Call> calls, String fallbackMarker) throws IOException, InterruptedException {
        int fallbacks = 0;
        for (Call call : calls) {
            HttpResponse<String> answer = send(base, call);
            if (answer.statusCode() >= 500) {
                throw new AssertionError(call.fixture() + " while warming up: " + answer.statusCode() + " "
                        + answer.body());
            }
            if (answer.body().contains(fallbackMarker)) {
                fallbacks++;
            }
        }
        return fallbacks;
    }

    /** The answer with the version number in clientActionId replaced by {@code #}: equal across versions. */
    public static String withoutVersion(String answer) {
        return VERSION.matcher(answer).replaceAll("$1#\"");
    }

    /** The version number in the answer's clientActionId, or -1 when it carries none. */
    public static int version(String answer) {
        Matcher matcher = VERSION.matcher(answer);
        return matcher.find() ? Integer.parseInt(matcher.group(2)) : -1;
    }
}
