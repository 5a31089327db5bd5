package io.callroute.testcases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.http.ApiErrorException;
import io.callroute.publishing.EditRefused;
import io.callroute.rules.CompiledRules;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving, changing and running test cases against the example rules in a real store. */
class TestCasesTest {

    private static final String GB_KEY_2 = "vca_inbound_ivr_action_completed_dtmf_2_gb_level2.json";

    @TempDir
    Path dir;
    private RulesOnDisk rules;

    @BeforeEach
    void start() {
        rules = new RulesOnDisk(dir);
    }

    @AfterEach
    void stop() {
        rules.close();
    }

    @Test
    void aCaseIsSavedReadListedAndAudited() {
        TestCases.Saved saved = rules.cases().create(RulesOnDisk.EDITOR, request("gb-hours",
                RulesOnDisk.fixture(GB_KEY_2), "{\"rule\": \"two-level-menu/main-hours\"}"));

        assertThat(saved.warnings()).as("it holds for the live rules").isEmpty();
        TestCase read = rules.cases().get("gb-hours");
        assertThat(read.expectation()).isEqualTo(Expectation.ofRule("two-level-menu/main-hours"));
        assertThat(read.event()).isEqualTo(RulesOnDisk.fixture(GB_KEY_2));
        assertThat(read.revision()).isEqualTo(1);
        assertThat(read.createdBy()).isEqualTo("erin");
        assertThat(rules.cases().list()).extracting(TestCase::name).containsExactly("gb-hours");
        assertThat(rules.audit).extracting(RulesOnDisk.Audited::action, RulesOnDisk.Audited::target)
                .contains(org.assertj.core.groups.Tuple.tuple("test-case.created", "test-case:gb-hours"));
    }

    @Test
    void aNameIsTakenOnceAndEveryBadFieldIsNamed() {
        rules.cases().create(RulesOnDisk.EDITOR, request("one", RulesOnDisk.fixture(GB_KEY_2),
                "{\"fallback\": true}"));

        assertThatThrownBy(() -> rules.cases().create(RulesOnDisk.EDITOR, request("one",
                RulesOnDisk.fixture(GB_KEY_2), "{\"fallback\": true}")))
                .isInstanceOfSatisfying(ApiErrorException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(409);
                    assertThat(e.error().code()).isEqualTo("name_taken");
                });
        assertField(() -> rules.cases().create(RulesOnDisk.EDITOR, request("two words",
                RulesOnDisk.fixture(GB_KEY_2), "{\"fallback\": true}")), "name");
        assertField(() -> rules.cases().create(RulesOnDisk.EDITOR, request("x", RulesOnDisk.fixture(GB_KEY_2),
                "{\"rule\": \"no-slash\"}")), "expect.rule");
        assertField(() -> rules.cases().create(RulesOnDisk.EDITOR, request("x", RulesOnDisk.fixture(GB_KEY_2),
                "{\"rule\": \"a/b\", \"fallback\": true}")), "expect.fallback");
        assertField(() -> rules.cases().create(RulesOnDisk.EDITOR, request("x", RulesOnDisk.fixture(GB_KEY_2),
                "{}")), "expect");
        ObjectNode status = RulesOnDisk.fixture("vcs_call_updated_gb.json");
        assertField(() -> rules.cases().create(RulesOnDisk.EDITOR, request("x", status, "{\"fallback\": true}")),
                "event.eventType");
        ObjectNode wrongType = RulesOnDisk.fixture(GB_KEY_2);
        ((ObjectNode) wrongType.get("payload")).put("callStatus", true);
        assertField(() -> rules.cases().create(RulesOnDisk.EDITOR, request("x", wrongType, "{\"fallback\": true}")),
                "event.payload.callStatus");
        ObjectNode barePayload = (ObjectNode) wrongType.get("payload");
        assertField(() -> rules.cases().create(RulesOnDisk.EDITOR, request("x", barePayload,
                "{\"fallback\": true}")), "event.callStatus");
    }

    @Test
    void changesNeedTheRevisionTheyAreBasedOn() {
        rules.cases().create(RulesOnDisk.EDITOR, request("gb", RulesOnDisk.fixture(GB_KEY_2),
                "{\"rule\": \"two-level-menu/main-hours\"}"));
        ObjectNode change = request(null, RulesOnDisk.fixture(GB_KEY_2), "{\"rule\": \"two-level-menu/main-person\"}");
        change.remove("name");

        assertThatThrownBy(() -> rules.cases().replace(RulesOnDisk.EDITOR, "gb", null, change))
                .isInstanceOf(EditRefused.PreconditionMissing.class);
        TestCases.Saved saved = rules.cases().replace(RulesOnDisk.EDITOR, "gb", "\"1\"", change);
        assertThat(saved.testCase().revision()).isEqualTo(2);
        assertThat(saved.warnings()).singleElement().asString().contains("expected rule two-level-menu/main-person",
                "two-level-menu/main-hours answers");
        assertThatThrownBy(() -> rules.cases().replace(RulesOnDisk.EDITOR, "gb", "\"1\"", change))
                .isInstanceOfSatisfying(EditRefused.Stale.class, stale ->
                        assertThat(stale.currentEtag()).isEqualTo("\"2\""));
        assertThatThrownBy(() -> rules.cases().delete(RulesOnDisk.EDITOR, "gb", "\"1\""))
                .isInstanceOf(EditRefused.Stale.class);
        rules.cases().delete(RulesOnDisk.EDITOR, "gb", "\"2\"");
        assertThat(rules.cases().list()).isEmpty();
        assertThatThrownBy(() -> rules.cases().get("gb")).isInstanceOf(EditRefused.NotFound.class);
        assertThat(rules.audit).extracting(RulesOnDisk.Audited::action).contains("test-case.updated",
                "test-case.deleted");
    }

    @Test
    void runningComparesRuleAndCallflowWithoutTheVersion() {
        ObjectNode event = RulesOnDisk.fixture("vca_inbound_ivr_call_received_gb.json");
        rules.cases().create(RulesOnDisk.EDITOR, request("welcome-rule", event,
                "{\"rule\": \"two-level-menu/welcome\"}"));
        CompiledRules live = rules.publishing.versions().compiled("live");
        String liveCallflow = rules.cases().run(live).get(0).actual().callflow().toString();
        assertThat(liveCallflow).contains("\"clientActionId\":\"main_menu\"");
        ObjectNode versioned = (ObjectNode) RulesOnDisk.json(liveCallflow);
        versioned.put("clientActionId", "main_menu:v1");
        ObjectNode expectCallflow = JsonNodeFactory.instance.objectNode();
        expectCallflow.set("callflow", versioned);
        rules.cases().create(RulesOnDisk.EDITOR, request("welcome-callflow", event, expectCallflow.toString()));
        ObjectNode actionsOnly = JsonNodeFactory.instance.objectNode();
        actionsOnly.set("callflow", versioned.get("callflow"));
        actionsOnly.put("rule", "two-level-menu/welcome");
        rules.cases().create(RulesOnDisk.EDITOR, request("welcome-actions", event, actionsOnly.toString()));
        rules.cases().create(RulesOnDisk.EDITOR, request("welcome-fallback", event, "{\"fallback\": true}"));

        List<CaseResult> results = rules.cases().run(live);

        assertThat(results).extracting(result -> result.testCase().name() + "=" + result.status()).containsExactly(
                "welcome-actions=PASSED", "welcome-callflow=PASSED", "welcome-fallback=FAILED",
                "welcome-rule=PASSED");
        assertThat(results.get(2).reasons()).singleElement().asString()
                .contains("expected the fallback", "two-level-menu/welcome");

        // The drafts greet differently now: the callflow cases fail, the rule case still passes.
        ObjectNode welcome = rules.drafts().rule("two-level-menu", "welcome").rule().deepCopy();
        ((ObjectNode) welcome.at("/then/steps/0/sayAndCapture")).put("promptMessage", "Hello. Press 1.");
        rules.drafts().replaceRule(RulesOnDisk.EDITOR, "two-level-menu", "welcome",
                rules.drafts().rule("two-level-menu", "welcome").etag(), welcome);
        assertThat(rules.cases().run(rules.publishing.versions().compiled("draft")))
                .extracting(result -> result.testCase().name() + "=" + result.status()).containsExactly(
                        "welcome-actions=FAILED", "welcome-callflow=FAILED", "welcome-fallback=FAILED",
                        "welcome-rule=PASSED");
    }

    @Test
    void aLoggedCallBecomesACaseExpectingTheRuleThatAnsweredIt() {
        long id = rules.log("CALL_ACTION", RulesOnDisk.fixture(GB_KEY_2), "ANSWERED", "two-level-menu/main-hours@v1",
                Instant.parse("2026-11-20T10:00:00Z"));
        long fellBack = rules.log("CALL_ACTION", RulesOnDisk.fixture("vca_inbound_ivr_call_received_au.json"),
                "FALLBACK", null, Instant.parse("2026-11-20T10:00:01Z"));
        long status = rules.log("CALL_STATUS", RulesOnDisk.fixture("vcs_call_updated_gb.json"), "ACKNOWLEDGED",
                null, Instant.parse("2026-11-20T10:00:02Z"));

        TestCases.Saved byId = rules.cases().create(RulesOnDisk.EDITOR, fromCall("by-id", id));
        assertThat(byId.testCase().expectation()).isEqualTo(Expectation.ofRule("two-level-menu/main-hours"));
        assertThat(byId.testCase().sourceCall()).isEqualTo(id);
        assertThat(byId.testCase().event().at("/payload/source").asText()).as("as the log kept it")
                .isEqualTo("+447*******23");
        assertThat(byId.warnings()).isEmpty();

        ObjectNode byEventId = JsonNodeFactory.instance.objectNode().put("name", "by-event-id")
                .put("fromCall", RulesOnDisk.fixture("vca_inbound_ivr_call_received_au.json")
                        .at("/payload/eventId").asText());
        assertThat(rules.cases().create(RulesOnDisk.EDITOR, byEventId).testCase().sourceCall()).isEqualTo(fellBack);
        assertThat(rules.cases().get("by-event-id").expectation().fallback()).isTrue();

        assertThatThrownBy(() -> rules.cases().create(RulesOnDisk.EDITOR, fromCall("status", status)))
                .isInstanceOfSatisfying(ApiErrorException.class, e ->
                        assertThat(e.error().code()).isEqualTo("not_a_call_action"));
        assertThatThrownBy(() -> rules.cases().create(RulesOnDisk.EDITOR, fromCall("none", 999_999)))
                .isInstanceOf(EditRefused.NotFound.class);
        assertThat(rules.cases().run(rules.publishing.versions().compiled("live")))
                .allMatch(result -> result.status() == CaseResult.Status.PASSED);
    }

    @Test
    void aCallWhoseAnswerDependsOnMaskedDigitsIsKeptWithAWarning() {
        ObjectNode vip = (ObjectNode) rules.drafts().rule("inbound-ivr", "sg-open").rule().deepCopy();
        vip.put("id", "sg-vip").put("priority", 40);
        ((ObjectNode) vip.get("when")).remove("schedule");
        ((ObjectNode) vip.get("when")).put("source", "+6598765432");
        rules.drafts().createRule(RulesOnDisk.EDITOR, "inbound-ivr", vip);
        rules.publishing.publisher().publish(RulesOnDisk.PUBLISHER, "vip", null);
        long id = rules.log("CALL_ACTION", RulesOnDisk.fixture("vca_inbound_ivr_call_received_sg.json"), "ANSWERED",
                "inbound-ivr/sg-vip@v2", Instant.parse("2026-11-20T10:00:00Z"));

        TestCases.Saved saved = rules.cases().create(RulesOnDisk.EDITOR, fromCall("vip", id));

        assertThat(saved.warnings()).singleElement().asString().contains("cannot reproduce", "inbound-ivr/sg-vip",
                "+659*****32");
        assertThat(rules.cases().run(rules.publishing.versions().compiled("live")))
                .singleElement().extracting(CaseResult::status).isEqualTo(CaseResult.Status.UNDETERMINED);
    }

    static ObjectNode request(String name, ObjectNode event, String expect) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (name != null) {
            body.put("name", name);
        }
        body.set("event", event);
        body.set("expect", RulesOnDisk.json(expect));
        return body;
    }

    private static ObjectNode fromCall(String name, long id) {
        return JsonNodeFactory.instance.objectNode().put("name", name).put("fromCall", id);
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiErrorException.class, e -> {
            assertThat(e.error().status()).isEqualTo(400);
            assertThat(e.error().field()).as(e.getMessage()).isEqualTo(field);
        });
    }
}
