package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.testing.Fixtures;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /api/simulate} on the deployed WAR: the live rules explain a Singapore call; a draft with a half-hour
 * zone and a DST change explains, minute by minute around the edges, which local time it used and why the answer
 * changed; bad input is refused naming the field.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SimulateIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLDOUT = """
            ruleSet: holdout
            description: Edge cases of time
            defaultZone: Asia/Kolkata
            defaults: { say: { voiceProfile: en-IN-Standard-A } }
            rules:
              - id: india-open
                priority: 20
                when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-in-holdout, time: { days: MON-FRI, from: "09:00", to: "18:00" } }
                then: { steps: [ { say: { text: "We are open." } }, hangup ] }
              - id: india-closed
                priority: 10
                when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-in-holdout }
                then: { steps: [ { say: { text: "We are closed." } }, hangup ] }
              - id: london-night
                priority: 20
                when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-gb-holdout, time: { zone: Europe/London, from: "00:00", to: "02:00" } }
                then: { steps: [ { say: { text: "Night line." } }, hangup ] }
              - id: london-day
                priority: 10
                when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-gb-holdout }
                then: { steps: [ { say: { text: "Day line." } }, hangup ] }
            """;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void theLiveRulesExplainASingaporeCall() throws IOException {
        AdminApi api = new AdminApi(base);
        // Tuesday 2025-04-08 10:00 in Singapore: office hours.
        String event = new String(Fixtures.valid("vca_inbound_ivr_call_received_sg.json"));
        HttpResponse<String> response = api.postJson("api/simulate", event);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode simulation = JSON.readTree(response.body());
        assertThat(simulation.path("version").asInt()).isEqualTo(1);
        assertThat(simulation.path("answeredBy").asText()).isEqualTo("inbound-ivr/sg-open");
        assertThat(simulation.path("answer").path("callflow").get(0).path("action").asText())
                .isEqualTo("sayAndCapture");
        assertThat(simulation.path("answer").path("clientActionId").asText()).isEqualTo("main_menu:v1");
        JsonNode open = candidate(simulation, "inbound-ivr/sg-open");
        assertThat(open.path("winner").asBoolean()).isTrue();
        assertThat(condition(open, "schedule sg-office").path("actual").asText()).isEqualTo("OPEN");
        JsonNode weekend = candidate(simulation, "inbound-ivr/sg-weekend");
        assertThat(weekend.path("outcome").asText()).isEqualTo("failed");
        assertThat(condition(weekend, "time").path("actual").asText()).startsWith("Tue 2025-04-08 ");
        assertThat(candidate(simulation, "inbound-ivr/sg-closed").path("outcome").asText())
                .as("matches too, but ranks lower").isEqualTo("matched");
        assertThat(simulation.path("decision").path("matchedRules").toString())
                .contains("inbound-ivr/sg-open", "inbound-ivr/sg-closed");
        JsonNode singapore = clock(simulation, "Asia/Singapore");
        assertThat(singapore.path("utcOffset").asText()).isEqualTo("+08:00");
        assertThat(singapore.path("usedByRules").asBoolean()).isTrue();
        assertThat(clock(simulation, "caller").path("zoneId").asText()).isEqualTo("Asia/Singapore");
    }

    @Test
    void aCallDescribedInPlainTermsIsComposedAndExplained() throws IOException {
        AdminApi api = new AdminApi(base);
        HttpResponse<String> response = api.postJson("api/simulate", """
                {"call": {"caller": "+6591234567", "virtualNumber": "+6531580001", "virtualNumberRef": "vn-sg-ivr-01",
                          "at": "2026-03-10T10:00", "zone": "Asia/Singapore", "menu": "main_menu", "dtmf": "1"}}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode simulation = JSON.readTree(response.body());
        assertThat(simulation.path("answeredBy").asText()).isEqualTo("inbound-ivr/sg-sales");
        assertThat(simulation.path("event").path("timestamp").asText()).isEqualTo("2026-03-10T02:00:00Z");
        assertThat(simulation.path("event").path("sourceCountryCode").asText()).isEqualTo("SG");
        JsonNode dtmf = condition(candidate(simulation, "inbound-ivr/sg-sales"), "dtmf");
        assertThat(dtmf.path("outcome").asText()).isEqualTo("matched");
        assertThat(condition(candidate(simulation, "inbound-ivr/sg-hours"), "dtmf").path("outcome").asText())
                .isEqualTo("failed");
        HttpResponse<String> skipped = api.postJson("api/simulate", """
                {"call": {"caller": "+447700900123", "virtualNumber": "+442079460958", "at": "2026-03-29T01:30",
                          "zone": "Europe/London"}}""");
        assertThat(skipped.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(skipped.body()).path("field").asText()).isEqualTo("$.call.at");
    }

    @Test
    void aDraftExplainsAHalfHourZoneAndADaylightSavingChangeWithTheLocalTimesItUsed() throws IOException {
        AdminApi api = new AdminApi(base);
        HttpResponse<String> saved = api.putYaml("api/rule-sets/holdout/yaml", HOLDOUT, null);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);

        // India, UTC+05:30: 03:29Z is 08:59, one minute before opening; 03:30Z is 09:00.
        JsonNode early = simulate(api, "+918041234567", "IN", "vn-in-holdout", "2026-03-10T03:29:00Z");
        assertThat(early.path("version").asInt()).as("drafts are version 0").isZero();
        assertThat(early.path("answeredBy").asText()).isEqualTo("holdout/india-closed");
        JsonNode notYet = condition(candidate(early, "holdout/india-open"), "time");
        assertThat(notYet.path("outcome").asText()).isEqualTo("failed");
        assertThat(notYet.path("actual").asText()).isEqualTo("Tue 2026-03-10 08:59 in Asia/Kolkata");
        assertThat(clock(early, "Asia/Kolkata").path("utcOffset").asText()).isEqualTo("+05:30");
        JsonNode onTime = simulate(api, "+918041234567", "IN", "vn-in-holdout", "2026-03-10T03:30:00Z");
        assertThat(onTime.path("answeredBy").asText()).isEqualTo("holdout/india-open");
        assertThat(onTime.path("answer").toString()).contains("We are open.");

        // London, 29 March 2026: at 01:00Z the clocks jump from 01:00 GMT to 02:00 BST.
        JsonNode before = simulate(api, "+442071234567", "GB", "vn-gb-holdout", "2026-03-29T00:59:00Z");
        assertThat(before.path("answeredBy").asText()).isEqualTo("holdout/london-night");
        assertThat(clock(before, "Europe/London").path("time").asText()).isEqualTo("00:59");
        assertThat(clock(before, "Europe/London").path("utcOffset").asText()).isEqualTo("+00:00");
        assertThat(clock(before, "Europe/London").path("daylightSaving").asBoolean()).isFalse();
        JsonNode after = simulate(api, "+442071234567", "GB", "vn-gb-holdout", "2026-03-29T01:00:00Z");
        assertThat(after.path("answeredBy").asText()).isEqualTo("holdout/london-day");
        JsonNode london = clock(after, "Europe/London");
        assertThat(london.path("time").asText()).isEqualTo("02:00");
        assertThat(london.path("utcOffset").asText()).isEqualTo("+01:00");
        assertThat(london.path("daylightSaving").asBoolean()).isTrue();
        JsonNode missed = condition(candidate(after, "holdout/london-night"), "time");
        assertThat(missed.path("expected").asText()).isEqualTo("every day 00:00–02:00 in Europe/London");
        assertThat(missed.path("actual").asText()).isEqualTo("Sun 2026-03-29 02:00 in Europe/London");

        // The live version does not have the draft's rules: the same call gets the fallback there, and says why.
        HttpResponse<String> live = api.postJson("api/simulate?version=live", event("+442071234567", "GB",
                "vn-gb-holdout", "2026-03-29T01:00:00Z"));
        JsonNode fallback = JSON.readTree(live.body());
        assertThat(fallback.path("fallback").asBoolean()).as(live.body()).isTrue();
        assertThat(fallback.path("fallbackReason").asText()).isEqualTo("no rule matched");
        assertThat(fallback.path("answer").path("callflow").size()).isPositive();
    }

    @Test
    void badInputIsRefusedNamingTheField() throws IOException {
        AdminApi api = new AdminApi(base);
        HttpResponse<String> notJson = api.postJson("api/simulate", "{\"payload\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        HttpResponse<String> noEvent = api.postJson("api/simulate", "{\"hello\": 1}");
        assertThat(noEvent.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noEvent.body()).path("field").asText()).isEqualTo("$");
        HttpResponse<String> status = api.postJson("api/simulate", "{\"eventType\": \"CALL_STATUS\", \"payload\": {}}");
        assertThat(status.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(status.body()).path("field").asText()).isEqualTo("$.eventType");
        String badNumber = event("not-a-number", "GB", "vn-gb-holdout", "2026-03-29T01:00:00Z");
        HttpResponse<String> unusable = api.postJson("api/simulate", badNumber);
        assertThat(unusable.statusCode()).as(unusable.body()).isEqualTo(422);
        JsonNode error = JSON.readTree(unusable.body());
        assertThat(error.path("error").asText()).isEqualTo("invalid_event");
        assertThat(error.path("field").asText()).isEqualTo("$.payload.source");
        HttpResponse<String> wrongType = api.postJson("api/simulate", "{\"event\": {\"payload\": {\"callDuration\":"
                + " [1]}}}");
        assertThat(wrongType.statusCode()).as(wrongType.body()).isEqualTo(400);
        assertThat(JSON.readTree(wrongType.body()).path("field").asText()).isEqualTo("$.event.payload.callDuration");
        HttpResponse<String> noVersion = api.postJson("api/simulate?version=99",
                new String(Fixtures.valid("vca_inbound_ivr_call_received_sg.json")));
        assertThat(noVersion.statusCode()).isEqualTo(404);
        HttpResponse<String> anonymous = api.as(null).postJson("api/simulate",
                new String(Fixtures.valid("vca_inbound_ivr_call_received_sg.json")));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static JsonNode simulate(AdminApi api, String caller, String country, String ref, String timestamp)
            throws IOException {
        HttpResponse<String> response = api.postJson("api/simulate?version=draft",
                event(caller, country, ref, timestamp));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String event(String caller, String country, String ref, String timestamp) throws IOException {
        ObjectNode envelope = (ObjectNode) JSON.readTree(Fixtures.valid("vca_inbound_ivr_call_received_gb.json"));
        ObjectNode payload = (ObjectNode) envelope.get("payload");
        payload.put("source", caller).put("sourceCountryCode", country).put("destinationRefId", ref)
                .put("timestamp", timestamp);
        return JSON.writeValueAsString(envelope);
    }

    private static JsonNode candidate(JsonNode simulation, String rule) {
        for (JsonNode candidate : simulation.path("candidates")) {
            if (candidate.path("rule").asText().equals(rule)) {
                return candidate;
            }
        }
        throw new AssertionError("no candidate " + rule + " in " + simulation.path("candidates"));
    }

    private static JsonNode condition(JsonNode candidate, String name) {
        for (JsonNode condition : candidate.path("conditions")) {
            if (condition.path("condition").asText().equals(name)) {
                return condition;
            }
        }
        throw new AssertionError("no condition " + name + " in " + candidate);
    }

    private static JsonNode clock(JsonNode simulation, String zone) {
        for (JsonNode clock : simulation.path("facts").path("clocks")) {
            if (clock.path("zone").asText().equals(zone)) {
                return clock;
            }
        }
        throw new AssertionError("no clock " + zone + " in " + simulation.path("facts"));
    }
}
