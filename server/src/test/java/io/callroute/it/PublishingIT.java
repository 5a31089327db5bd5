package io.callroute.it;

import static io.callroute.it.Http.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.testing.EightByEightCallflow;
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
 * The rule lifecycle through the deployed WAR's admin API: two editors on one rule, YAML round trip, publish making
 * calls answer differently, a broken draft refused, rollback, diff and DRL — one story, because each step builds on
 * the state the previous one left.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublishingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WELCOME = "api/rule-sets/two-level-menu/rules/welcome";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void editPublishRollBack() throws IOException {
        AdminApi api = new AdminApi(base);
        assertThat(parse(api.get("api/rule-sets"))).hasSize(3);
        assertThat(parse(api.get("api/versions/live")).path("number").asInt()).as("first start").isEqualTo(1);

        // Two editors read the same rule; both save. One wins, the other gets 409 and the winner's rule.
        HttpResponse<String> read = api.get(WELCOME);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        ObjectNode alice = (ObjectNode) JSON.readTree(read.body());
        ((ObjectNode) alice.at("/then/steps/0/sayAndCapture")).put("promptMessage", "Alice's welcome. Press 1.");
        ObjectNode bob = (ObjectNode) JSON.readTree(read.body());
        ((ObjectNode) bob.at("/then/steps/0/sayAndCapture")).put("promptMessage", "Bob's welcome. Press 1.");
        HttpResponse<String> aliceSaves = api.putJson(WELCOME, JSON.writeValueAsString(alice), etag);
        HttpResponse<String> bobSaves = api.putJson(WELCOME, JSON.writeValueAsString(bob), etag);
        assertThat(aliceSaves.statusCode()).isEqualTo(200);
        assertThat(bobSaves.statusCode()).isEqualTo(409);
        JsonNode conflict = JSON.readTree(bobSaves.body());
        assertThat(conflict.path("error").asText()).isEqualTo("edit_conflict");
        assertThat(conflict.path("current")).isEqualTo(alice);
        assertThat(parse(api.get(WELCOME))).as("nothing lost").isEqualTo(alice);
        assertThat(api.putJson(WELCOME, JSON.writeValueAsString(bob), null).statusCode()).isEqualTo(428);

        // YAML export → import → export is byte-identical.
        HttpResponse<String> exported = api.get("api/rule-sets/two-level-menu/yaml");
        assertThat(exported.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        HttpResponse<String> imported = api.putYaml("api/rule-sets/two-level-menu/yaml", exported.body(),
                exported.headers().firstValue("ETag").orElseThrow());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(api.get("api/rule-sets/two-level-menu/yaml").body()).isEqualTo(exported.body());

        // Publish: version 2 answers calls.
        assertThat(parse(api.postJson("api/validate", "")).path("valid").asBoolean()).isTrue();
        HttpResponse<String> published = api.postJson("api/versions", "{\"comment\": \"new welcome\"}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        assertThat(published.headers().firstValue("Location").orElse("")).endsWith("/api/versions/2");
        assertThat(callGb().json().toString()).contains("Alice's welcome");

        // A draft that does not compile is saved with its problems but can never go live.
        HttpResponse<String> current = api.get(WELCOME);
        ObjectNode broken = (ObjectNode) JSON.readTree(current.body());
        ((ObjectNode) broken.get("when")).putObject("time").put("from", "25:00");
        JsonNode saved = parse(api.putJson(WELCOME, JSON.writeValueAsString(broken),
                current.headers().firstValue("ETag").orElseThrow()));
        assertThat(saved.path("valid").asBoolean()).isFalse();
        assertThat(saved.path("problems").findValuesAsText("path")).contains("$.rules[0].when.time.from");
        HttpResponse<String> refused = api.postJson("api/versions", "{}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(parse(refused).path("problems").get(0).path("ruleId").asText()).isEqualTo("welcome");
        assertThat(parse(api.get("api/versions/live")).path("number").asInt()).isEqualTo(2);

        // Rollback to version 1, under its own number.
        HttpResponse<String> rollback = api.postJson("api/versions/1/publish", "");
        assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(200);
        assertThat(parse(rollback).path("kind").asText()).isEqualTo("rollback");
        assertThat(parse(api.get("api/versions/live")).path("number").asInt()).isEqualTo(1);
        assertThat(callGb().json().toString()).doesNotContain("Alice's welcome");

        JsonNode diff = parse(api.get("api/versions/1/diff/2"));
        JsonNode change = diff.path("ruleSetsChanged").get(0).path("rulesChanged").get(0);
        assertThat(change.path("id").asText()).isEqualTo("welcome");
        assertThat(change.path("changes").get(0).path("after").asText()).isEqualTo("Alice's welcome. Press 1.");
        assertThat(parse(api.get("api/versions/live/diff/draft")).path("identical").asBoolean()).isFalse();
        assertThat(api.get("api/versions/2/drl").body()).contains("rule \"");
        assertThat(api.get("api/versions/2/rule-sets/two-level-menu/yaml").body()).contains("Alice's welcome");

        JsonNode versions = parse(api.get("api/versions"));
        assertThat(versions.path("live").asInt()).isEqualTo(1);
        assertThat(versions.path("versions")).hasSize(2);
        HttpResponse<String> missing = api.get("api/versions/7");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(parse(missing).path("message").asText()).contains("7");
        assertThat(api.get("api/rule-sets/nope").statusCode()).isEqualTo(404);
        assertThat(api.postJson("api/rule-sets", "{\"ruleSet\": ").statusCode()).isEqualTo(400);
    }

    @Test
    void deeplyNestedAndOversizedRuleSetBodiesAreRefusedWithAJsonError() throws IOException {
        AdminApi api = new AdminApi(base);
        String deep = "{\"ruleSet\": \"deep\", \"rules\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        HttpResponse<String> nested = api.postJson("api/rule-sets", deep);
        assertThat(nested.statusCode()).as(nested.body()).isEqualTo(400);
        assertThat(parse(nested).path("error").asText()).isEqualTo("bad_request");
        assertThat(parse(nested).path("message").asText()).contains("nested more than 64 levels");

        String huge = "{\"ruleSet\": \"huge\", \"description\": \"" + "x".repeat(1024 * 1024) + "\"}";
        HttpResponse<String> oversized = api.postJson("api/rule-sets", huge);
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(parse(oversized).path("error").asText()).isEqualTo("body_too_large");
        assertThat(api.get("api/rule-sets/deep").statusCode()).isEqualTo(404);
        assertThat(api.get("api/rule-sets/huge").statusCode()).isEqualTo(404);
    }

    private EightByEightCallflow callGb() throws IOException {
        return EightByEightCallflow.parse(new Http(base).postJson("webhooks/vca",
                Fixtures.withNewEventId(Fixtures.valid("vca_inbound_ivr_call_received_gb.json"))).body());
    }
}
