package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callroute.plugin.MakeCall;
import io.callroute.plugin.SayAndCapture;
import io.callroute.testing.EightByEightCallflow;
import io.callroute.testing.Fixtures;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real callroute.war in a real servlet container (embedded Jetty 12), driven over HTTP with the spec's
 * fixtures: every valid event answered as 8x8 expects, every hostile body refused or absorbed as documented, never a
 * 5xx, and the example rules routing calls end to end.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void everyValidFixtureIsAnsweredAsEightByEightExpects() throws IOException {
        Http http = new Http(base);
        SoftAssertions soft = new SoftAssertions();
        int callActions = 0;
        for (Path file : Fixtures.jsonFiles(Fixtures.dir())) {
            String name = file.getFileName().toString();
            HttpResponse<String> response = http.postJson(endpointFor(name), Fixtures.bytes(file));
            soft.assertThat(response.statusCode()).as(name).isEqualTo(200);
            soft.assertThat(response.headers().firstValue("Content-Type").orElse("")).as(name)
                    .startsWith("application/json");
            if (name.startsWith("vca_")) {
                callActions++;
                try {
                    EightByEightCallflow.parse(response.body());
                } catch (AssertionError | RuntimeException e) {
                    soft.fail(name + ": " + e.getMessage());
                }
            } else {
                soft.assertThat(response.body()).as(name).isEqualTo("{}");
            }
        }
        soft.assertAll();
        assertThat(callActions).as("CALL_ACTION fixtures exercised").isGreaterThanOrEqualTo(25);
    }

    @Test
    void hostileBodiesGetTheDocumentedAnswerAndNeverA5xx() throws IOException {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("deeply_nested.json", 413);
        expected.put("deeply_nested_arrays.json", 413);
        expected.put("huge_strings.json", 413);
        expected.put("many_unknown_keys.json", 413);
        expected.put("duplicate_keys.json", 400);
        expected.put("empty_body.json", 400);
        expected.put("whitespace_only_body.json", 400);
        expected.put("invalid_utf8.json", 400);
        expected.put("legacy_dtmf_callback_shape.json", 400);
        expected.put("legacy_wavecell_flat_payload.json", 400);
        expected.put("missing_payload.json", 400);
        expected.put("payload_null.json", 400);
        expected.put("payload_is_json_string.json", 400);
        expected.put("nan_infinity.json", 400);
        expected.put("seed_vca_sample_invalid_verbatim.json", 400);
        expected.put("single_quoted_js_object.json", 400);
        expected.put("top_level_array.json", 400);
        expected.put("top_level_null.json", 400);
        expected.put("top_level_string.json", 400);
        expected.put("trailing_garbage.json", 400);
        expected.put("truncated_mid_payload.json", 400);
        expected.put("unescaped_control_chars.json", 400);
        expected.put("wrong_types.json", 400);
        expected.put("not_json_form_urlencoded.txt", 400);
        expected.put("not_json_xml.xml", 400);
        expected.put("event_type_wrong_case.json", 200);
        expected.put("wrong_event_type.json", 200);
        expected.put("wrong_namespace_sms_inbound.json", 200);
        expected.put("number_overflow.json", 200);
        expected.put("semantically_invalid_values.json", 200);
        expected.put("utf8_bom_prefixed.json", 200);

        Http http = new Http(base);
        SoftAssertions soft = new SoftAssertions();
        expected.forEach((name, status) -> {
            HttpResponse<String> response = http.postJson("webhooks/vca", Fixtures.bytes(Fixtures.bad().resolve(name)));
            soft.assertThat(response.statusCode()).as(name).isEqualTo(status);
            if (status >= 400) {
                JsonNode error = parse(response.body());
                soft.assertThat(error.path("error").asText()).as(name + " error code").isNotBlank();
                soft.assertThat(error.path("message").asText()).as(name + " message").isNotBlank();
                soft.assertThat(response.body().length()).as(name + " reply stays small").isLessThan(600);
            }
        });
        soft.assertAll();
    }

    @Test
    void ignoredEventsAreAcknowledgedWithoutACallflow() {
        Http http = new Http(base);
        for (String name : new String[] {"event_type_wrong_case.json", "wrong_event_type.json",
                "wrong_namespace_sms_inbound.json"}) {
            HttpResponse<String> response = http.postJson("webhooks/vca", Fixtures.bytes(Fixtures.bad().resolve(name)));
            assertThat(response.body()).as(name).isEqualTo("{}");
        }
    }

    @Test
    void errorsNameTheFieldAndWhere() {
        Http http = new Http(base);
        JsonNode wrongTypes = parse(http.postJson("webhooks/vca",
                Fixtures.bytes(Fixtures.bad().resolve("wrong_types.json"))).body());
        assertThat(wrongTypes.path("field").asText()).isEqualTo("eventType");

        JsonNode missingPayload = parse(http.postJson("webhooks/vca",
                Fixtures.bytes(Fixtures.bad().resolve("missing_payload.json"))).body());
        assertThat(missingPayload.path("field").asText()).isEqualTo("payload");

        JsonNode seed = parse(http.postJson("webhooks/vca",
                Fixtures.bytes(Fixtures.bad().resolve("seed_vca_sample_invalid_verbatim.json"))).body());
        assertThat(seed.path("message").asText()).contains("line 27");
    }

    @Test
    void theSeedSampleParsesOnceItsMissingCommaIsAdded() {
        String seed = new String(Fixtures.bytes(Fixtures.bad().resolve("seed_vca_sample_invalid_verbatim.json")),
                StandardCharsets.UTF_8);
        String fixed = seed.replace("\"timestamp\":\"2024-05-16T04:12:11.217Z\"\n",
                "\"timestamp\":\"2024-05-16T04:12:11.217Z\",\n");
        assertThat(fixed).isNotEqualTo(seed);
        HttpResponse<String> response = new Http(base).postJson("webhooks/vca", fixed.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"callflow\"");
    }

    @Test
    void nonJsonContentTypesAre415() {
        Http http = new Http(base);
        assertThat(http.post("webhooks/vca", Fixtures.bytes(Fixtures.bad().resolve("not_json_form_urlencoded.txt")),
                "application/x-www-form-urlencoded").statusCode()).isEqualTo(415);
        assertThat(http.post("webhooks/vca", Fixtures.bytes(Fixtures.bad().resolve("not_json_xml.xml")),
                "application/xml").statusCode()).isEqualTo(415);
        // No Content-Type at all: 8x8 documents none, so the body decides.
        assertThat(http.post("webhooks/vca", Fixtures.valid("vca_inbound_ivr_call_received_sg.json"), null)
                .statusCode()).isEqualTo(200);
        // An empty one counts as none; one that is not a media type is a JSON 400 naming the header (Jersey alone
        // answered both with the container's HTML error page; found by WebhookFuzzIT).
        assertThat(http.post("webhooks/vca", Fixtures.withNewEventId(
                Fixtures.valid("vca_inbound_ivr_call_received_sg.json")), "").statusCode()).isEqualTo(200);
        for (String malformed : new String[] {";", "application", "application/json; charset"}) {
            HttpResponse<String> response = http.post("webhooks/vca",
                    Fixtures.valid("vca_inbound_ivr_call_received_sg.json"), malformed);
            assertThat(response.statusCode()).as(malformed).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            JsonNode error = parse(response.body());
            assertThat(error.path("error").asText()).isEqualTo("malformed_header");
            assertThat(error.path("message").asText()).contains("Content-Type", malformed);
        }
    }

    @Test
    void oversizedAndDeeplyNestedBodiesAreRefusedWithAJsonErrorAndTheServerStaysReady() throws IOException {
        Http http = new Http(base);
        int cap = 65_536;   // CALLROUTE_WEBHOOK_MAX_BYTES, default
        assertThat(http.postJson("webhooks/vca", paddedCall(cap)).statusCode()).as("exactly at the cap")
                .isEqualTo(200);
        assertRefused(http, paddedCall(cap + 1), 413, "body_too_large");

        // 100,000 levels deep is 200 kB of brackets: over the cap, refused before any parsing.
        String hundredThousand = "[".repeat(100_000) + "]".repeat(100_000);
        assertRefused(http, hundredThousand.getBytes(StandardCharsets.UTF_8), 413, "body_too_large");
        String unclosed = "{\"a\":".repeat(100_000);
        assertRefused(http, unclosed.getBytes(StandardCharsets.UTF_8), 413, "body_too_large");

        // As deep as fits under the cap: the parser's depth limit stops reading at level 65.
        String envelope = "{\"namespace\":\"VOICE\",\"eventType\":\"CALL_ACTION\",\"payload\":";
        for (String deep : new String[] {
                envelope + "[".repeat(32_000) + "]".repeat(32_000) + "}",
                envelope + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}",
                "[".repeat(60_000)}) {
            JsonNode error = assertRefused(http, deep.getBytes(StandardCharsets.UTF_8), 400, "too_deep");
            assertThat(error.path("message").asText()).contains("nested more than 64 levels");
        }

        assertThat(http.get("health/ready").statusCode()).isEqualTo(200);
        EightByEightCallflow.parse(http.postJson("webhooks/vca",
                Fixtures.withNewEventId(Fixtures.valid("vca_inbound_ivr_call_received_sg.json"))).body());
    }

    private static JsonNode assertRefused(Http http, byte[] body, int status, String code) {
        long start = System.nanoTime();
        HttpResponse<String> response = http.postJson("webhooks/vca", body);
        long micros = (System.nanoTime() - start) / 1_000;
        System.out.printf("%d-byte body refused with %d %s in %d µs%n", body.length, response.statusCode(),
                code, micros);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode error = parse(response.body());
        assertThat(error.path("error").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        return error;
    }

    /** A real CALL_ACTION padded with an unknown field to exactly {@code size} bytes. */
    private static byte[] paddedCall(int size) {
        String event = new String(Fixtures.withNewEventId(Fixtures.valid("vca_inbound_ivr_call_received_sg.json")),
                StandardCharsets.UTF_8).strip();
        String prefix = "{\"padding\":\"";
        String suffix = "\"," + event.substring(1);
        int fill = size - prefix.length() - suffix.getBytes(StandardCharsets.UTF_8).length;
        byte[] body = (prefix + "x".repeat(fill) + suffix).getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(size);
        return body;
    }

    @Test
    void semanticallyInvalidEventGetsTheFallbackAndNeverDialsBogusNumbers() throws IOException {
        HttpResponse<String> response = new Http(base).postJson("webhooks/vca",
                Fixtures.bytes(Fixtures.bad().resolve("semantically_invalid_values.json")));
        EightByEightCallflow callflow = EightByEightCallflow.parse(response.body());
        assertThat(callflow.actionNames()).containsExactly("say", "hangup");
        assertThat(callflow.clientActionId()).isNull();
    }

    @Test
    void singaporeIvrAnswersByLocalTimeAndDay() throws IOException {
        Http http = new Http(base);
        EightByEightCallflow open = EightByEightCallflow.parse(http.postJson("webhooks/vca",
                sgCallAt("2025-04-08T02:00:00Z")).body());   // Tuesday 10:00 in Singapore
        EightByEightCallflow closed = EightByEightCallflow.parse(http.postJson("webhooks/vca",
                sgCallAt("2025-04-08T14:00:00Z")).body());   // Tuesday 22:00 in Singapore
        EightByEightCallflow sunday = EightByEightCallflow.parse(http.postJson("webhooks/vca",
                sgCallAt("2025-04-06T02:00:00Z")).body());   // Sunday 10:00 in Singapore

        assertThat(open.actionNames()).contains("sayAndCapture");
        assertThat(open.clientActionId()).isNotBlank();
        assertThat(closed.actionNames()).doesNotContain("sayAndCapture").endsWith("hangup");
        assertThat(sunday.actionNames()).doesNotContain("sayAndCapture").endsWith("hangup");
        assertThat(closed.json()).isNotEqualTo(sunday.json());
        assertThat(open.json()).isNotEqualTo(closed.json());
    }

    @Test
    void dtmfMovesThroughTheTwoLevelMenuAcrossRounds() throws IOException {
        Http http = new Http(base);
        String received = new String(Fixtures.withNewEventId(Fixtures.valid("vca_inbound_ivr_call_received_gb.json")),
                StandardCharsets.UTF_8);
        EightByEightCallflow first = EightByEightCallflow.parse(http.postJson("webhooks/vca",
                received.getBytes(StandardCharsets.UTF_8)).body());
        assertThat(first.actionNames()).contains("sayAndCapture");
        String mainMenu = first.clientActionId();
        assertThat(mainMenu).isNotBlank();

        EightByEightCallflow second = EightByEightCallflow.parse(http.postJson("webhooks/vca",
                gbDigits(mainMenu, "1", "2025-05-21T08:48:10.000Z")).body());
        assertThat(second.actionNames()).contains("sayAndCapture");
        String levelTwo = second.clientActionId();
        assertThat(levelTwo).isNotBlank().isNotEqualTo(mainMenu);

        EightByEightCallflow back = EightByEightCallflow.parse(http.postJson("webhooks/vca",
                gbDigits(levelTwo, "9", "2025-05-21T08:48:30.000Z")).body());
        assertThat(back.clientActionId()).isEqualTo(mainMenu);

        EightByEightCallflow invalid = EightByEightCallflow.parse(http.postJson("webhooks/vca",
                gbDigits(mainMenu, "7", "2025-05-21T08:48:40.000Z")).body());
        assertThat(invalid.clientActionId()).isEqualTo(mainMenu);
        assertThat(invalid.actionNames()).contains("sayAndCapture");

        EightByEightCallflow timeout = EightByEightCallflow.parse(http.postJson("webhooks/vca",
                gbDigits(mainMenu, null, "2025-05-21T08:48:50.000Z")).body());
        assertThat(timeout.json()).isNotEqualTo(invalid.json());
    }

    @Test
    void aMaskingSessionCreatedByApiBridgesBothWaysUntilItEnds() throws IOException {
        AdminApi api = new AdminApi(base);
        HttpResponse<String> created = api.postJson("api/masking/sessions", "{\"virtualNumber\":\"+6531589000\","
                + "\"partyA\":\"+6581112222\",\"partyB\":\"+6590001111\",\"reference\":\"booking-8841\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String session = JSON.readTree(created.body()).path("id").asText();

        EightByEightCallflow riderCalls = EightByEightCallflow.parse(new Http(base).postJson("webhooks/vca",
                maskedCallFrom("+6581112222")).body());
        assertThat(riderCalls.first(MakeCall.class)).isEqualTo(new MakeCall("+6531589000", "+6590001111"));
        EightByEightCallflow driverCalls = EightByEightCallflow.parse(new Http(base).postJson("webhooks/vca",
                maskedCallFrom("+6590001111")).body());
        assertThat(driverCalls.first(MakeCall.class)).isEqualTo(new MakeCall("+6531589000", "+6581112222"));

        assertThat(api.delete("api/masking/sessions/" + session, null).statusCode()).isEqualTo(204);
        EightByEightCallflow afterTheEnd = EightByEightCallflow.parse(new Http(base).postJson("webhooks/vca",
                maskedCallFrom("+6581112222")).body());
        assertThat(afterTheEnd.actionNames()).containsExactly("say", "hangup");
        assertThat(afterTheEnd.json().toString()).contains("no longer in service");
    }

    private static byte[] maskedCallFrom(String caller) throws IOException {
        JsonNode event = JSON.readTree(Fixtures.valid("vca_number_masking_call_received_sg_docs_style.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("payload")).put("source", caller)
                .put("eventId", java.util.UUID.randomUUID().toString());
        return JSON.writeValueAsBytes(event);
    }

    @Test
    void healthAndMetricsAnswer() throws Exception {
        Http http = new Http(base);
        assertThat(http.get("health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = http.get("health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode readiness = parse(ready.body());
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("rules").asInt()).isGreaterThan(10);
        assertThat(readiness.path("node").asText()).as("the node that answered").isNotBlank();
        assertThat(readiness.path("version").asInt()).as("the version live on it").isPositive();

        http.postJson("webhooks/vss", Fixtures.valid("vss_nm_no_answer_ph.json"));
        double recorded = waitForMetric(http, "callroute_events_recorded_total", 1, Duration.ofSeconds(10));
        assertThat(recorded).isGreaterThanOrEqualTo(1);
        assertThat(http.get("metrics").body()).contains("callroute_webhook_requests_total");
    }

    @Test
    void unknownRoutesAreJsonErrors() {
        HttpResponse<String> response = new Http(base).get("webhooks/vca");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(parse(response.body()).path("error").asText()).isNotBlank();
    }

    private static String endpointFor(String fixture) {
        if (fixture.startsWith("vcs_")) {
            return "webhooks/vcs";
        }
        if (fixture.startsWith("vss_")) {
            return "webhooks/vss";
        }
        if (fixture.startsWith("vru_")) {
            return "webhooks/vru";
        }
        if (fixture.startsWith("vnu_")) {
            return "webhooks/vnu";
        }
        return "webhooks/vca";
    }

    private static byte[] sgCallAt(String timestamp) {
        String event = new String(Fixtures.valid("vca_inbound_ivr_call_received_sg.json"), StandardCharsets.UTF_8);
        return Fixtures.withNewEventId(event.replace("2025-04-08T02:15:42.381Z", timestamp)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gbDigits(String clientActionId, String dtmf, String timestamp) throws IOException {
        JsonNode event = JSON.readTree(Fixtures.valid("vca_inbound_ivr_action_completed_dtmf_2_gb_level2.json"));
        com.fasterxml.jackson.databind.node.ObjectNode payload =
                (com.fasterxml.jackson.databind.node.ObjectNode) event.get("payload");
        payload.put("clientActionId", clientActionId);
        payload.put("timestamp", timestamp);
        payload.put("eventId", java.util.UUID.randomUUID().toString());
        com.fasterxml.jackson.databind.node.ObjectNode eventData = payload.putObject("eventData");
        if (dtmf == null) {
            eventData.putNull("dtmf");
        } else {
            eventData.put("dtmf", dtmf);
        }
        return JSON.writeValueAsBytes(event);
    }

    private static double waitForMetric(Http http, String name, double atLeast, Duration timeout)
            throws InterruptedException {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE);
        Instant deadline = Instant.now().plus(timeout);
        double value = 0;
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = line.matcher(http.get("metrics").body());
            value = matcher.find() ? Double.parseDouble(matcher.group(2)) : 0;
            if (value >= atLeast) {
                return value;
            }
            Thread.sleep(50);   // polling a condition with a deadline, not a guess at timing
        }
        return value;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
