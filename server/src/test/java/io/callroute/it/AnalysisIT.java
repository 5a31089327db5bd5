package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
 * The analysis through the deployed WAR: a draft whose office hours leave Sunday 00:00–01:00 uncovered and with a
 * rule that can never win is analysed, its gap blocks the publish until a publisher overrides it (audited), and the
 * routing calendar draws the example Singapore number's week.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnalysisIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFICE = """
            ruleSet: office-hours
            defaultZone: Asia/Singapore
            defaults:
              say: { voiceProfile: en-US-BenjaminRUS }
            rules:
              - id: open
                priority: 30
                when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-office, time: { days: MON-FRI, from: "09:00", to: "18:00" } }
                then: { steps: [ { say: { text: "We are open." } }, hangup ] }
              - id: lunch
                priority: 20
                when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-office, time: { days: MON-FRI, from: "12:00", to: "13:00" } }
                then: { steps: [ { say: { text: "We are at lunch." } }, hangup ] }
              - id: closed
                priority: 10
                when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-office, time: { days: MON-SAT, from: "00:00", to: "24:00" } }
                then: { steps: [ { say: { text: "We are closed." } }, hangup ] }
              - id: sunday
                priority: 10
                when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-office, time: { days: SUN, from: "01:00", to: "24:00" } }
                then: { steps: [ { say: { text: "Closed on Sundays." } }, hangup ] }
            """;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void aGapBlocksPublishingUntilOverriddenAndTheCalendarDrawsTheWeek() throws IOException {
        AdminApi api = new AdminApi(base);
        JsonNode live = parse(api.get("api/analysis"));
        assertThat(live.path("version").asText()).isEqualTo("live");
        assertThat(live.path("findings")).as("the example rules: " + live.path("findings")).isEmpty();
        assertThat(live.path("entries").size()).isGreaterThan(10);

        HttpResponse<String> created = api.postJson("api/rule-sets",
                JSON.writeValueAsString(new YAMLMapper().readTree(OFFICE)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JsonNode draft = parse(api.get("api/analysis?version=draft"));
        JsonNode gap = finding(draft, "gap");
        assertThat(gap.path("severity").asText()).isEqualTo("error");
        assertThat(gap.path("message").asText()).contains("vn-office").contains("Sun 00:00–01:00 Asia/Singapore");
        JsonNode shadowed = finding(draft, "shadowed");
        assertThat(shadowed.path("severity").asText()).isEqualTo("warning");
        assertThat(shadowed.path("ruleId").asText()).isEqualTo("lunch");
        assertThat(shadowed.path("message").asText()).contains("office-hours/open");

        JsonNode validation = parse(api.postJson("api/validate", ""));
        assertThat(validation.path("valid").asBoolean()).isFalse();

        HttpResponse<String> blocked = api.postJson("api/versions", "{\"comment\": \"office hours\"}");
        assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(409);
        JsonNode refusal = JSON.readTree(blocked.body());
        assertThat(refusal.path("error").asText()).isEqualTo("publish_blocked");
        assertThat(refusal.path("message").asText()).contains("Sun 00:00–01:00");
        assertThat(refusal.path("findings").toString()).contains("\"code\":\"gap\"");

        HttpResponse<String> published = api.postJson("api/versions",
                "{\"comment\": \"office hours\", \"override\": \"Sunday night calls are rare; fixed next week\"}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        JsonNode overrides = parse(api.get("api/audit?action=version.override"));
        assertThat(overrides.path("events")).hasSize(1);
        assertThat(overrides.path("events").get(0).toString()).contains("Sunday night calls are rare");

        JsonNode calendar = parse(api.get("api/calendar?number=vn-sg-ivr-01&week=2026-W13"));
        assertThat(calendar.path("zone").asText()).isEqualTo("Asia/Singapore");
        assertThat(calendar.path("days")).hasSize(7);
        JsonNode monday = calendar.path("days").get(0);
        assertThat(monday.path("date").asText()).isEqualTo("2026-03-23");
        assertThat(monday.path("slots")).hasSize(96);
        assertThat(monday.path("slots").get(36).path("start").asText()).isEqualTo("09:00");
        assertThat(monday.path("slots").get(36).path("utc").asText()).isEqualTo("2026-03-23T01:00:00Z");
        assertThat(monday.path("slots").get(36).path("rule").asText()).isEqualTo("inbound-ivr/sg-open");
        assertThat(monday.path("slots").get(35).path("rule").asText()).isEqualTo("inbound-ivr/sg-closed");
        assertThat(calendar.path("days").get(6).path("slots").get(40).path("rule").asText())
                .isEqualTo("inbound-ivr/sg-weekend");
        JsonNode officeSunday = parse(api.get("api/calendar?number=vn-office&week=2026-W13")).path("days").get(6);
        assertThat(officeSunday.path("slots").get(0).path("rule").isNull()).as("the gap").isTrue();
        assertThat(parse(api.get("api/calendar?number=vn-sg-ivr-01&menu=main_menu&zone=Europe/London"))
                .path("zone").asText()).isEqualTo("Europe/London");

        assertField(api.get("api/calendar?number=vn-sg-ivr-01&week=2026-13"), "week");
        assertField(api.get("api/calendar?number=vn-sg-ivr-01&zone=Mars/Olympus"), "zone");
        assertField(api.get("api/calendar?number=vn-nowhere"), "number");
        assertField(api.get("api/calendar"), "number");
        assertField(api.get("api/calendar?number=vn-sg-ivr-01&menu=nope"), "menu");
        assertField(api.get("api/analysis?version=yesterday"), "version");
        assertThat(api.as(null).get("api/analysis").statusCode()).isEqualTo(401);
    }

    private static void assertField(HttpResponse<String> response, String field) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("field").asText()).isEqualTo(field);
    }

    private static JsonNode finding(JsonNode report, String code) {
        for (JsonNode finding : report.path("findings")) {
            if (finding.path("code").asText().equals(code)) {
                return finding;
            }
        }
        throw new AssertionError("no " + code + " finding in " + report.path("findings"));
    }

    private static JsonNode parse(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
