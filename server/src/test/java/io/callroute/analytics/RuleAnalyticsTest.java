package io.callroute.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.store.Database;
import io.callroute.store.DecisionTrace;
import io.callroute.store.EventRecorder;
import io.callroute.store.RecordedEvent;
import io.callroute.store.RecordedEvent.Outcome;
import io.callroute.store.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.RuleCompiler;
import io.callroute.rules.RuleSetSource;
import io.callroute.actions.ActionRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule hits, fallbacks by reason and menu funnels, computed by SQL from what the recorder wrote. */
class RuleAnalyticsTest {

    private static final Instant T0 = Instant.parse("2026-03-10T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void countsHitsFallbacksAndTheDtmfFunnelPerMenuInTheWindow() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Database database = TestDatabases.open(dir.resolve("db/log"), registry)) {
            try (EventRecorder recorder = new EventRecorder(database.dataSource(), registry)) {
                // One caller: welcome → main_menu, a timeout, key 1 → reservations, several keys → fallback.
                record(recorder, 0, "e1", Outcome.ANSWERED, "menu/welcome", null, "main_menu", null, null);
                record(recorder, 1, "e2", Outcome.ANSWERED, "menu/timeout", "main_menu", "main_menu", "timeout",
                        null);
                record(recorder, 2, "e3", Outcome.ANSWERED, "menu/one", "main_menu", "reservations", "key:1",
                        null);
                record(recorder, 2, "e3", Outcome.ANSWERED, "menu/one", "main_menu", "reservations", "key:1",
                        null);   // 8x8 delivered it again: counted once
                record(recorder, 3, "e4", Outcome.FALLBACK, null, "reservations", null, "digits:4", "no_match");
                record(recorder, 4, "e5", Outcome.FALLBACK, null, null, null, null, "deadline");
                record(recorder, 90, "late", Outcome.ANSWERED, "menu/welcome", null, "main_menu", null, null);
            }
            RuleAnalytics analytics = new RuleAnalytics(database.dataSource(), Optional::empty);
            ObjectNode report = analytics.report(T0, T0.plus(Duration.ofMinutes(60)));

            assertThat(report.path("rules").toString()).isEqualTo("[{\"rule\":\"menu/one\",\"hits\":1,"
                    + "\"lastFired\":\"2026-03-10T08:02:00Z\",\"live\":false},{\"rule\":\"menu/timeout\",\"hits\":1,"
                    + "\"lastFired\":\"2026-03-10T08:01:00Z\",\"live\":false},{\"rule\":\"menu/welcome\",\"hits\":1,"
                    + "\"lastFired\":\"2026-03-10T08:00:00Z\",\"live\":false}]");
            assertThat(report.path("fallbacks").toString())
                    .isEqualTo("[{\"reason\":\"deadline\",\"count\":1},{\"reason\":\"no_match\",\"count\":1}]");
            JsonNode main = report.path("menus").get(0);
            assertThat(main.toString()).isEqualTo("{\"menu\":\"main_menu\",\"entered\":2,\"responses\":2,"
                    + "\"keys\":{\"1\":1},\"severalKeys\":0,\"timeouts\":1,\"invalid\":0,\"invalidKeys\":{},"
                    + "\"fallbacks\":0}");
            assertThat(report.path("menus").get(1).toString()).isEqualTo("{\"menu\":\"reservations\",\"entered\":1,"
                    + "\"responses\":1,\"keys\":{},\"severalKeys\":1,\"timeouts\":0,\"invalid\":0,\"invalidKeys\":{},"
                    + "\"fallbacks\":1}");

            ObjectNode later = analytics.report(T0.plus(Duration.ofMinutes(60)), T0.plus(Duration.ofHours(2)));
            assertThat(later.path("rules").get(0).path("hits").asLong()).isEqualTo(1);
            assertThat(later.path("fallbacks")).isEmpty();
        }
    }

    @Test
    void keysTheMenuDoesNotOfferAreCountedAsInvalidByTheRuleThatAnsweredThem() {
        CompiledRules live = new RuleCompiler().compile(List.of(new RuleSetSource("menu", """
                ruleSet: menu
                defaultZone: Europe/London
                defaults: { say: { voiceProfile: en-GB-RyanNeural } }
                rules:
                  - id: one
                    when: { callStatus: ACTION_COMPLETED, menu: main_menu, dtmf: ["1", "2"] }
                    then: { steps: [ { say: { text: "Reservations" } } ] }
                  - id: invalid-key
                    priority: -1
                    when: { callStatus: ACTION_COMPLETED, menu: main_menu, dtmf: any }
                    then: { menu: main_menu, steps: [ { say: { text: "Not an option" } } ] }
                """)), ActionRegistry.load(RuleAnalyticsTest.class.getClassLoader()));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Database database = TestDatabases.open(dir.resolve("db/keys"), registry)) {
            try (EventRecorder recorder = new EventRecorder(database.dataSource(), registry)) {
                record(recorder, 1, "k1", Outcome.ANSWERED, "menu/one", "main_menu", null, "key:1", null);
                record(recorder, 2, "k2", Outcome.ANSWERED, "menu/one", "main_menu", null, "key:2", null);
                record(recorder, 3, "k7", Outcome.ANSWERED, "menu/invalid-key", "main_menu", "main_menu", "key:7",
                        null);
                record(recorder, 4, "k9", Outcome.ANSWERED, "menu/invalid-key", "main_menu", "main_menu", "key:9",
                        null);
                record(recorder, 5, "k9b", Outcome.ANSWERED, "menu/invalid-key", "main_menu", "main_menu", "key:9",
                        null);
                record(recorder, 6, "gone", Outcome.ANSWERED, "old/rule", "main_menu", null, "key:5", null);
            }
            JsonNode main = new RuleAnalytics(database.dataSource(), () -> Optional.of(live))
                    .report(T0, T0.plus(Duration.ofMinutes(60))).path("menus").get(0);
            assertThat(main.path("responses").asLong()).isEqualTo(6);
            assertThat(main.path("invalid").asLong()).as("7, 9, 9; the key answered by a rule no longer live is"
                    + " not judged").isEqualTo(3);
            assertThat(main.path("invalidKeys").toString()).isEqualTo("{\"7\":1,\"9\":2}");
        }
    }

    private static void record(EventRecorder recorder, int minute, String eventId, Outcome outcome, String rule,
                               String menuIn, String menuOut, String dtmf, String fallbackKind) {
        recorder.record(new RecordedEvent(T0.plus(Duration.ofMinutes(minute)), "CALL_ACTION", eventId, "s1",
                "ACTION_COMPLETED", outcome, rule == null ? null : rule + "@v1", fallbackKind, 100L, "{}", null,
                null, null, null, 120L, new DecisionTrace(1, rule, rule == null ? List.of() : List.of(rule), menuIn,
                        menuOut, dtmf, fallbackKind, List.of())));
    }
}
