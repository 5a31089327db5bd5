package io.callroute.it;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.callroute.testing.EightByEightCallflow;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * The webhook's promises for any body, checked on one answer: never a 5xx, only 200, 400 or 413 (the body is always
 * sent as application/json); every 4xx a small JSON error naming the problem; every 200 either {@code {}} or a
 * callflow 8x8 accepts, and which of the two follows from the envelope when it is plain, strict JSON.
 */
final class WebhookAnswerCheck {

    /** What the body asks for, read independently of the server (strict JSON; no comments, no duplicate keys). */
    enum Expectation { CALLFLOW, ACKNOWLEDGEMENT, EITHER }

    private static final Set<Integer> STATUSES = Set.of(200, 400, 413);
    private static final Set<String> ACKNOWLEDGED_TYPES = Set.of("CALL_STATUS", "SESSION_SUMMARY",
            "CALL_RECORDING_STATUS", "VIRTUAL_NUMBER_UPDATE");
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookAnswerCheck() {
    }

    /** Throws an AssertionError saying which promise {@code response} breaks for {@code fuzzCase}. */
    static void check(FuzzCase fuzzCase, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (!STATUSES.contains(status)) {
            throw new AssertionError("status " + status + " (expected 200, 400 or 413): " + clip(body));
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/json")) {
            throw new AssertionError(status + " with Content-Type '" + contentType + "': " + clip(body));
        }
        if (status == 200) {
            checkAnswer(expectationOf(fuzzCase.body()), body);
        } else {
            checkError(status, body);
        }
    }

    static Expectation expectationOf(byte[] request) {
        JsonNode root;
        try {
            root = STRICT.readTree(request);
        } catch (IOException | RuntimeException e) {
            return Expectation.EITHER;   // the server is more lenient (comments, BOM); no opinion
        }
        if (root == null || !root.isObject() || !root.path("eventType").isTextual()) {
            return Expectation.EITHER;
        }
        JsonNode namespace = root.get("namespace");
        boolean voice = namespace == null || namespace.isNull() || "VOICE".equals(namespace.asText(null))
                && namespace.isTextual();
        String type = root.get("eventType").textValue();
        if (!voice || !"CALL_ACTION".equals(type) && !ACKNOWLEDGED_TYPES.contains(type)) {
            return Expectation.ACKNOWLEDGEMENT;   // somebody else's event, or a type we do not know: ignored
        }
        if ("CALL_ACTION".equals(type)) {
            return root.path("payload").isObject() ? Expectation.CALLFLOW : Expectation.EITHER;
        }
        return Expectation.ACKNOWLEDGEMENT;
    }

    private static void checkAnswer(Expectation expectation, String body) {
        boolean acknowledged = "{}".equals(body);
        if (acknowledged) {
            if (expectation == Expectation.CALLFLOW) {
                throw new AssertionError("a CALL_ACTION was acknowledged with {} instead of a callflow");
            }
            return;
        }
        if (expectation == Expectation.ACKNOWLEDGEMENT) {
            throw new AssertionError("an event that is not a CALL_ACTION got a callflow: " + clip(body));
        }
        try {
            EightByEightCallflow.parse(body);
        } catch (IOException e) {
            throw new AssertionError("200 answer is not JSON: " + clip(body), e);
        }
    }

    private static void checkError(int status, String body) {
        JsonNode error;
        try {
            error = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(status + " answer is not JSON: " + clip(body), e);
        }
        if (error == null || !error.path("error").isTextual() || error.path("error").asText().isBlank()
                || error.path("message").asText().isBlank()) {
            throw new AssertionError(status + " answer does not name the error: " + clip(body));
        }
        if (body.length() > 1000) {
            throw new AssertionError(status + " answer is " + body.length() + " characters; errors stay small");
        }
    }

    private static String clip(String text) {
        return FuzzCase.clip(text == null ? "" : text, 400);
    }
}
