package io.callroute.calllog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.actions.ActionRegistry;
import io.callroute.http.ApiErrorException;
import io.callroute.publishing.AuditSink;
import io.callroute.publishing.Publishing;
import io.callroute.rules.LiveRules;
import io.callroute.store.Database;
import io.callroute.store.TestDatabases;
import io.callroute.webhook.CallEventReader;
import io.callroute.webhook.DecisionRunner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Why this callflow?" asked again of a logged call: the version that answered, or live with a note. */
class CallExplainerTest {

    private static final String KEY_PRESS = """
            {"namespace":"VOICE","eventType":"CALL_ACTION","payload":{"eventId":"e1","callId":"c1","sessionId":"s1",
             "subAccountId":"a","callStatus":"ACTION_COMPLETED","callDirection":"INBOUND","callType":"PSTN",
             "source":"+447*******23","destination":"+442079460958","sourceCountryCode":"GB",
             "destinationCountryCode":"GB","destinationRefId":"GB-LDN-0958","callDuration":0,
             "eventData":{"dtmf":"%s"},"sipCode":200,"timestamp":"2026-03-10T10:00:00Z",
             "clientActionId":"%s"}}""";

    @TempDir
    Path dir;
    private Database database;
    private DecisionRunner runner;
    private CallExplainer explainer;

    @BeforeEach
    void start() {
        database = TestDatabases.open(dir.resolve("db/callroute"), new SimpleMeterRegistry());
        Publishing publishing = new Publishing(database.dataSource(),
                ActionRegistry.load(getClass().getClassLoader()), new LiveRules(), AuditSink.logOnly(),
                Clock.systemUTC());
        assertThat(publishing.startUp(Path.of(System.getProperty("callroute.rules.dir", "../rules")))).isTrue();
        runner = new DecisionRunner(Duration.ofSeconds(10));
        explainer = new CallExplainer(publishing.versions(), new CallEventReader(), runner);
    }

    @AfterEach
    void stop() {
        runner.close();
        database.close();
    }

    @Test
    void explainsWithTheVersionThatAnsweredAndComparesTheAnswer() {
        JsonNode answer = explainer.explain(keyPress(1, "1", "main_menu:v1", "reservations"), null);
        assertThat(answer.path("requestedVersion").asText()).isEqualTo("answered");
        assertThat(answer.path("version").asInt()).isEqualTo(1);
        assertThat(answer.path("notes")).isEmpty();
        assertThat(answer.path("now").path("rule").asText()).isEqualTo("two-level-menu/main-reservations");
        assertThat(answer.path("sameAnswer").asBoolean()).isTrue();
        JsonNode winner = answer.path("explanation").path("candidates").get(0);
        assertThat(winner.path("rule").asText()).isEqualTo("two-level-menu/main-reservations");
        assertThat(winner.path("winner").asBoolean()).isTrue();
        assertThat(winner.path("conditions").toString()).contains("\"outcome\":\"matched\"");
        assertThat(answer.path("explanation").path("facts").path("call").path("source").asText())
                .isEqualTo("+447*******23");
        assertThat(answer.path("now").path("callflow").path("clientActionId").asText()).isEqualTo("reservations:v1");

        JsonNode differently = explainer.explain(keyPress(1, "1", "main_menu:v1", "main_menu"), "live");
        assertThat(differently.path("sameAnswer").asBoolean()).as("the recorded rule and menu differ").isFalse();
    }

    @Test
    void aVersionThatIsGoneIsReplacedByLiveWithANote() {
        JsonNode answer = explainer.explain(keyPress(7, "1", "main_menu:v7", "reservations"), "answered");
        assertThat(answer.path("version").asInt()).isEqualTo(1);
        assertThat(answer.path("notes").get(0).asText()).contains("Version 7", "live rules (version 1)");
    }

    @Test
    void keysThatWereNotKeptAreNoted() {
        JsonNode answer = explainer.explain(keyPress(1, "", "reservations:v1", "reservations", "digits:4"), null);
        assertThat(answer.path("notes").toString()).contains("pressed 4 keys", "may be a PIN");
        assertThat(answer.path("now").path("rule").asText()).isEqualTo("two-level-menu/reservations-retry");
    }

    @Test
    void refusesWhatCannotBeExplained() {
        assertThatThrownBy(() -> explainer.explain(keyPress(1, "1", "main_menu:v1", null), "newest"))
                .isInstanceOfSatisfying(ApiErrorException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(400);
                    assertThat(e.error().field()).isEqualTo("version");
                });
        LoggedCall status = new LoggedCall(2, Instant.now(), "CALL_STATUS", "e2", "s1", "CALL_CONNECTED",
                "ACKNOWLEDGED", null, null, null, null, null, null, null, "{}", null, null, null, List.of(), null,
                null, null, null);
        assertThatThrownBy(() -> explainer.explain(status, null)).isInstanceOfSatisfying(ApiErrorException.class,
                e -> assertThat(e.error().code()).isEqualTo("not_a_call_action"));
        LoggedCall cut = new LoggedCall(3, Instant.now(), "CALL_ACTION", "e3", "s1", "CALL_RECEIVED", "ANSWERED",
                null, null, 1, null, null, null, null, "{\"payload\":{\"eventId\":", null, null, null, List.of(),
                null, null, null, null);
        assertThatThrownBy(() -> explainer.explain(cut, null)).isInstanceOfSatisfying(ApiErrorException.class,
                e -> assertThat(e.error().code()).isEqualTo("not_explainable"));
    }

    private static LoggedCall keyPress(int version, String dtmf, String clientActionId, String menuOut) {
        return keyPress(version, dtmf, clientActionId, menuOut, dtmf.isEmpty() ? "timeout" : "key:" + dtmf);
    }

    private static LoggedCall keyPress(int version, String dtmf, String clientActionId, String menuOut,
                                       String dtmfClass) {
        String rule = "reservations".equals(menuOut) && dtmfClass.startsWith("key")
                ? "two-level-menu/main-reservations" : "two-level-menu/reservations-retry";
        return new LoggedCall(1, Instant.now(), "CALL_ACTION", "e1", "s1", "ACTION_COMPLETED", "ANSWERED",
                rule + "@v" + version, rule, version, null, null, 100L, 150L,
                KEY_PRESS.formatted(dtmf, clientActionId), null, "+447*******23", "+442079460958", List.of(rule),
                clientActionId.substring(0, clientActionId.indexOf(':')), menuOut, dtmfClass, null);
    }
}
