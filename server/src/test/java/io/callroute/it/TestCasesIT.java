package io.callroute.it;

import static io.callroute.it.Http.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.testing.Fixtures;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real call saved as a test case through the deployed WAR, then a draft that would answer it differently: validate
 * shows the failing case, publishing is refused naming it, and only an audited override publishes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TestCasesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CASE = "gb-hours-key-2";
    private static final String MAIN_HOURS = "api/rule-sets/two-level-menu/rules/main-hours";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void aSavedCallBlocksTheDraftThatWouldBreakIt() throws Exception {
        AdminApi api = new AdminApi(base);
        byte[] call = Fixtures.withNewEventId(Fixtures.valid("vca_inbound_ivr_action_completed_dtmf_2_gb_level2.json"));
        String eventId = JSON.readTree(call).at("/payload/eventId").asText();
        HttpResponse<String> answered = new Http(base).postJson("webhooks/vca", call);
        assertThat(answered.body()).contains("We are open Tuesday to Sunday");

        // Saved from the call log by 8x8's eventId; the log writes in the background, so wait for it to arrive.
        HttpResponse<String> created = until(() -> api.postJson("api/test-cases",
                "{\"name\": \"" + CASE + "\", \"fromCall\": \"" + eventId + "\"}"), r -> r.statusCode() != 404);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode saved = parse(created);
        assertThat(saved.at("/expect/rule").asText()).isEqualTo("two-level-menu/main-hours");
        assertThat(saved.path("warnings")).isEmpty();
        assertThat(saved.at("/event/payload/source").asText()).as("as the call log keeps it").contains("*");
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");

        // The same call by its call-log id; a name is taken once; a case is deleted with its ETag.
        long logId = saved.path("fromCall").asLong();
        HttpResponse<String> again = api.postJson("api/test-cases", "{\"name\": \"copy\", \"fromCall\": " + logId
                + "}");
        assertThat(parse(again).path("event")).isEqualTo(saved.path("event"));
        HttpResponse<String> clash = api.postJson("api/test-cases", "{\"name\": \"copy\", \"fromCall\": " + logId
                + "}");
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(parse(clash).path("field").asText()).isEqualTo("name");
        assertThat(api.delete("api/test-cases/copy", null).statusCode()).isEqualTo(428);
        assertThat(api.delete("api/test-cases/copy", "\"1\"").statusCode()).isEqualTo(204);
        assertThat(parse(api.get("api/test-cases")).path("testCases").findValuesAsText("name"))
                .containsExactly(CASE);

        JsonNode liveRun = parse(api.postJson("api/test-cases/run?version=live", ""));
        assertThat(liveRun.path("passed").asInt()).isEqualTo(1);
        assertThat(liveRun.path("failed").asInt()).isZero();

        // Viewers run and read the cases but do not change them.
        assertThat(api.postJson("api/users", "{\"username\":\"vic\",\"password\":\"vic-password-12\","
                + "\"role\":\"viewer\"}").statusCode()).isEqualTo(201);
        AdminApi viewer = api.as(AdminApi.basic("vic", "vic-password-12"));
        assertThat(viewer.postJson("api/test-cases/run", "").statusCode()).isEqualTo(200);
        assertThat(viewer.get("api/test-cases/" + CASE).statusCode()).isEqualTo(200);
        assertThat(viewer.postJson("api/test-cases", "{\"name\": \"x\", \"fromCall\": " + logId + "}")
                .statusCode()).isEqualTo(403);

        // Opening hours move to key 2 → 4 in the draft: key 2 now reaches "not an option".
        HttpResponse<String> rule = api.get(MAIN_HOURS);
        ObjectNode changed = (ObjectNode) parse(rule);
        ((ObjectNode) changed.get("when")).put("dtmf", "4");
        HttpResponse<String> edit = api.putJson(MAIN_HOURS, JSON.writeValueAsString(changed),
                rule.headers().firstValue("ETag").orElseThrow());
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);

        JsonNode validation = parse(api.postJson("api/validate", ""));
        assertThat(validation.path("valid").asBoolean()).isFalse();
        // Other checks (analysis) may have their say too; the test case's finding is the one asserted here.
        JsonNode finding = testCaseFinding(validation);
        assertThat(finding.path("code").asText()).isEqualTo("test_case_failed");
        assertThat(finding.path("severity").asText()).isEqualTo("error");
        assertThat(finding.path("message").asText()).contains(CASE, "two-level-menu/main-hours",
                "two-level-menu/main-invalid-key");

        JsonNode draftRun = parse(api.postJson("api/test-cases/run?version=draft", ""));
        assertThat(draftRun.path("failed").asInt()).isEqualTo(1);
        assertThat(draftRun.at("/results/0/actual/rule").asText()).isEqualTo("two-level-menu/main-invalid-key");
        assertThat(draftRun.at("/results/0/expected/rule").asText()).isEqualTo("two-level-menu/main-hours");

        HttpResponse<String> blocked = api.postJson("api/versions", "{\"comment\": \"hours on key 4\"}");
        assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(409);
        assertThat(parse(blocked).path("error").asText()).isEqualTo("publish_blocked");
        assertThat(testCaseFinding(parse(blocked)).path("message").asText()).contains(CASE);
        assertThat(parse(api.get("api/versions/live")).path("number").asInt()).isEqualTo(1);

        HttpResponse<String> overridden = api.postJson("api/versions", "{\"comment\": \"hours on key 4\","
                + " \"override\": \"the menu changes on purpose; the case will be updated\"}");
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(201);
        assertThat(parse(api.get("api/versions/live")).path("number").asInt()).isEqualTo(2);
        JsonNode audit = parse(api.get("api/audit?action=version.override"));
        assertThat(audit.path("events")).singleElement().satisfies(event -> {
            assertThat(event.path("actor").asText()).isEqualTo("admin");
            assertThat(event.toString()).contains(CASE);
        });
        assertThat(parse(api.get("api/audit?action=test-case.created")).path("events")).hasSize(2);
    }

    private static JsonNode testCaseFinding(JsonNode answer) {
        JsonNode found = null;
        for (JsonNode finding : answer.path("findings")) {
            if (finding.path("check").asText().equals("testCases")) {
                assertThat(found).as("one finding of the testCases check: " + answer).isNull();
                found = finding;
            }
        }
        assertThat(found).as("a finding of the testCases check: " + answer).isNotNull();
        return found;
    }

    /** Calls {@code request} until {@code done} holds for its answer, for at most ten seconds. */
    private static HttpResponse<String> until(Supplier<HttpResponse<String>> request,
                                              Predicate<HttpResponse<String>> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        HttpResponse<String> response = request.get();
        while (!done.test(response) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);   // polling a condition with a deadline, not a guess at timing
            response = request.get();
        }
        return response;
    }
}
