package io.callroute.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.http.ApiErrorException;
import io.callroute.testcases.RulesOnDisk;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replaying logged calls through the live rules and a changed draft: counts, groups, examples, what is unknown. */
class ReplayTest {

    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;
    private RulesOnDisk rules;
    private Replay replay;

    @BeforeEach
    void start() {
        rules = new RulesOnDisk(dir);
        replay = new ReplayFeature(rules.database.dataSource(), RulesOnDisk.EVENTS, rules.publishing).replay();
    }

    @AfterEach
    void stop() {
        rules.close();
    }

    @Test
    void onlyTheCallsOfTheChangedMenuKeyChangeGroupedByRulePair() {
        // GB main menu keys 0, 1, 2, 5 (three times each) and the SG main menu's key 2, which must not move.
        int sent = 0;
        for (int round = 0; round < 3; round++) {
            for (String key : new String[] {"0", "1", "2", "5"}) {
                log(gbMenu("main_menu" + (round == 0 ? ":v1" : ""), key), sent++);
            }
            log(sgMenu("2"), sent++);
        }
        rules.changeDtmf("two-level-menu", "main-hours", "4");

        JsonNode report = replay.run(ReplayRequest.read(JsonNodeFactory.instance.objectNode()));

        assertThat(report.path("total").asInt()).isEqualTo(sent);
        assertThat(report.path("changed").asInt()).isEqualTo(3);
        assertThat(report.path("unchanged").asInt()).isEqualTo(sent - 3);
        assertThat(report.path("undetermined").asInt()).isZero();
        assertThat(report.path("changes")).singleElement().satisfies(group -> {
            assertThat(group.path("from").asText()).isEqualTo("two-level-menu/main-hours");
            assertThat(group.path("to").asText()).isEqualTo("two-level-menu/main-invalid-key");
            assertThat(group.path("count").asInt()).isEqualTo(3);
            assertThat(group.path("examples")).hasSize(3);
            JsonNode example = group.path("examples").get(0);
            assertThat(example.path("caller").asText()).isEqualTo("+447*******23");
            assertThat(example.path("receivedAt").asText()).as("newest first").isEqualTo(START.plusSeconds(12)
                    .toString());
            assertThat(example.at("/against/callflow/callflow/0/action").asText()).isEqualTo("say");
            assertThat(example.at("/candidate/callflow/clientActionId").asText()).isEqualTo("main_menu");
        });
        assertThat(report.at("/against/version").asInt()).isEqualTo(1);
        assertThat(report.at("/candidate/reference").asText()).isEqualTo("draft");
    }

    @Test
    void countAndTimeRangeSelectTheNewestEvents() {
        for (int i = 0; i < 10; i++) {
            log(gbMenu("main_menu", "2"), i);
        }
        rules.changeDtmf("two-level-menu", "main-hours", "4");

        assertThat(replay.run(request("{\"count\": 4}")).path("changed").asInt()).isEqualTo(4);
        JsonNode range = replay.run(request("{\"from\": \"" + START.plusSeconds(2) + "\", \"to\": \""
                + START.plusSeconds(5) + "\"}"));
        assertThat(range.path("total").asInt()).as("seconds 2, 3 and 4").isEqualTo(3);
        assertThat(range.path("truncated").asBoolean()).isFalse();
        assertThat(replay.run(request("{\"against\": \"draft\"}")).path("unchanged").asInt()).isEqualTo(10);
    }

    @Test
    void eventsThatCannotBeToldAreUndeterminedWithTheReason() {
        ObjectNode vip = rules.drafts().rule("inbound-ivr", "sg-open").rule().deepCopy();
        vip.put("id", "sg-vip").put("priority", 40);
        ((ObjectNode) vip.get("when")).remove("schedule");
        ((ObjectNode) vip.get("when")).put("source", "+6598765432");
        rules.drafts().createRule(RulesOnDisk.EDITOR, "inbound-ivr", vip);
        log(RulesOnDisk.fixture("vca_inbound_ivr_call_received_sg.json"), 0);
        rules.log("CALL_ACTION", JsonNodeFactory.instance.objectNode().put("eventType", "CALL_ACTION")
                .put("payload", "not an object"), "FALLBACK", null, START.plusSeconds(1));

        JsonNode report = replay.run(ReplayRequest.read(JsonNodeFactory.instance.objectNode()));

        assertThat(report.path("undetermined").asInt()).isEqualTo(2);
        assertThat(report.path("undeterminedExamples").findValuesAsText("reason")).anySatisfy(reason ->
                assertThat(reason).contains("inbound-ivr/sg-vip", "+659*****32")).anySatisfy(reason ->
                assertThat(reason).contains("cannot be read"));
    }

    @Test
    void badRequestsNameTheirField() {
        assertBad("{\"count\": 10001}", "count");
        assertBad("{\"count\": \"many\"}", "count");
        assertBad("{\"count\": 5, \"from\": \"2026-11-20T10:00:00Z\"}", "count");
        assertBad("{\"from\": \"yesterday\"}", "from");
        assertBad("{\"from\": \"2026-11-21T00:00:00Z\", \"to\": \"2026-11-20T00:00:00Z\"}", "from");
        assertBad("{\"against\": \"v7\"}", "against");
        assertBad("{\"candidate\": \"\"}", "candidate");
        assertBad("{\"limit\": 5}", "limit");
        assertThat(ReplayRequest.read(JsonNodeFactory.instance.objectNode()))
                .isEqualTo(new ReplayRequest(1000, null, null, "live", "draft"));
    }

    private void log(ObjectNode event, int second) {
        rules.log("CALL_ACTION", event, "ANSWERED", null, START.plusSeconds(second));
    }

    private static ObjectNode gbMenu(String clientActionId, String key) {
        ObjectNode event = RulesOnDisk.fixture("vca_inbound_ivr_action_completed_dtmf_2_gb_level2.json");
        ObjectNode payload = (ObjectNode) event.get("payload");
        payload.put("eventId", UUID.randomUUID().toString()).put("clientActionId", clientActionId);
        payload.putObject("eventData").put("dtmf", key);
        return event;
    }

    private static ObjectNode sgMenu(String key) {
        ObjectNode event = RulesOnDisk.fixture("vca_inbound_ivr_call_received_sg.json");
        ObjectNode payload = (ObjectNode) event.get("payload");
        payload.put("eventId", UUID.randomUUID().toString()).put("callStatus", "ACTION_COMPLETED")
                .put("clientActionId", "main_menu:v1");
        payload.putObject("eventData").put("dtmf", key);
        return event;
    }

    private static ReplayRequest request(String json) {
        return ReplayRequest.read((ObjectNode) RulesOnDisk.json(json));
    }

    private static void assertBad(String json, String field) {
        assertThatThrownBy(() -> request(json)).isInstanceOfSatisfying(ApiErrorException.class, e -> {
            assertThat(e.error().status()).isEqualTo(400);
            assertThat(e.error().field()).as(json).isEqualTo(field);
        });
    }
}
