package io.callroute.it.fuzz;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.callroute.testing.EightByEightCallflow;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The webhook's promises for any request (README, ADR 2), checked on one answer:
 * <ul>
 *   <li>never a 5xx; only 200, 400, 413 and 415, always as JSON;</li>
 *   <li>413 exactly when the body is over the cap, 415 exactly when the Content-Type certainly is not JSON;</li>
 *   <li>every 4xx a small JSON error naming the problem ({@code error} code and a {@code message});</li>
 *   <li>every 200 either {@code {}} or a callflow 8x8 accepts ({@link CallflowLimits}, then
 *       {@link EightByEightCallflow} for the order rules) — and which of the two follows from the envelope whenever
 *       the body is plain, strict JSON: a CALL_ACTION never gets {@code {}}, and nothing else gets a callflow.</li>
 * </ul>
 */
public final class AnswerCheck {

    /** What the body asks for, read independently of the server (strict UTF-8 JSON, no duplicate keys). */
    enum Expectation { CALLFLOW, ACKNOWLEDGEMENT, EITHER }

    private static final Set<Integer> STATUSES = Set.of(200, 400, 413, 415);
    private static final Set<String> ACKNOWLEDGED_TYPES = Set.of("CALL_STATUS", "SESSION_SUMMARY",
            "CALL_RECORDING_STATUS", "VIRTUAL_NUMBER_UPDATE");
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxBodyBytes;

    /** @param maxBodyBytes the deployment's CALLROUTE_WEBHOOK_MAX_BYTES */
    public AnswerCheck(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * The outcome of a good answer, for the run's tally ("200 callflow", "200 {}", "400 duplicate_key"…); an
     * AssertionError saying which promise {@code response} breaks for {@code fuzzCase} otherwise.
     */
    public String check(FuzzCase fuzzCase, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (!STATUSES.contains(status)) {
            throw new AssertionError("status " + status + " (expected 200, 400, 413 or 415): " + clip(body));
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/json")) {
            throw new AssertionError(status + " with Content-Type '" + contentType + "': " + clip(body));
        }
        // Malformed headers may be refused by JAX-RS before the webhook sees them: 400 or 415 are both honest there.
        String type = fuzzCase.contentType();
        boolean notJson = Transport.certainlyNotJson(type);
        if (notJson ? status != 415 : status == 415 && !Transport.malformed(type)) {
            throw new AssertionError(status + " for Content-Type '" + type
                    + "' (415 exactly for types that certainly are not JSON): " + clip(body));
        }
        if (!notJson && !Transport.malformed(type) && (fuzzCase.body().length > maxBodyBytes) != (status == 413)) {
            throw new AssertionError(status + " for a body of " + fuzzCase.body().length + " bytes (413 exactly over "
                    + maxBodyBytes + "): " + clip(body));
        }
        if (status == 200) {
            return checkAnswer(expectationOf(fuzzCase.body()), body);
        }
        return status + " " + checkError(status, body);
    }

    static Expectation expectationOf(byte[] request) {
        JsonNode root;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(request)).toString();
            // ADR 2 skips a UTF-8 byte order mark.
            root = STRICT.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IOException | RuntimeException e) {
            // Not strict UTF-8 JSON (a CharacterCodingException is an IOException). The server is more lenient
            // (comments, trailing commas), so no opinion on what it answers.
            return Expectation.EITHER;
        }
        if (root == null || !root.isObject() || !root.path("eventType").isTextual()) {
            return Expectation.EITHER;
        }
        JsonNode namespace = root.get("namespace");
        boolean voice = namespace == null || namespace.isNull()
                || namespace.isTextual() && "VOICE".equals(namespace.textValue());
        String type = root.get("eventType").textValue();
        if (!voice || !"CALL_ACTION".equals(type) && !ACKNOWLEDGED_TYPES.contains(type)) {
            return Expectation.ACKNOWLEDGEMENT;   // somebody else's event, or a type we do not know: ignored
        }
        if ("CALL_ACTION".equals(type)) {
            return root.path("payload").isObject() ? Expectation.CALLFLOW : Expectation.EITHER;
        }
        return Expectation.ACKNOWLEDGEMENT;
    }

    private static String checkAnswer(Expectation expectation, String body) {
        if ("{}".equals(body)) {
            if (expectation == Expectation.CALLFLOW) {
                throw new AssertionError("a CALL_ACTION was acknowledged with {} instead of a callflow;"
                        + " the caller would hear nothing");
            }
            return "200 {}";
        }
        if (expectation == Expectation.ACKNOWLEDGEMENT) {
            throw new AssertionError("an event that is not a CALL_ACTION got a callflow: " + clip(body));
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("200 answer is not JSON: " + clip(body), e);
        }
        List<String> problems = CallflowLimits.violations(answer);
        if (!problems.isEmpty()) {
            throw new AssertionError("callflow outside 8x8's limits " + problems + ": " + clip(body));
        }
        try {
            EightByEightCallflow.parse(body);   // the plugin API's records and the order rules, as a second opinion
        } catch (IOException e) {
            throw new AssertionError("200 answer is not JSON: " + clip(body), e);
        }
        return "200 callflow";
    }

    private static String checkError(int status, String body) {
        JsonNode error;
        try {
            error = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(status + " answer is not JSON: " + clip(body), e);
        }
        if (error == null || !error.path("error").isTextual() || error.path("error").asText().isBlank()
                || !error.path("message").isTextual() || error.path("message").asText().isBlank()) {
            throw new AssertionError(status + " answer does not name the error: " + clip(body));
        }
        if (body.length() > 1000) {
            throw new AssertionError(status + " answer is " + body.length() + " characters; errors stay small");
        }
        return error.path("error").asText();
    }

    private static String clip(String text) {
        return FuzzCase.printable(FuzzCase.clip(text, 400));
    }
}
