package io.callroute.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.actions.ActionRegistry;
import io.callroute.analytics.CallPathCounters;
import io.callroute.event.CallDirection;
import io.callroute.event.CallEvent;
import io.callroute.event.CallStatus;
import io.callroute.event.CallType;
import io.callroute.rules.LiveRules;
import io.callroute.rules.PinnedVersions;
import io.callroute.rules.RuleCompiler;
import io.callroute.rules.RuleSetSource;
import io.callroute.store.DecisionTrace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every answer carries the decision trace the call log stores, and feeds the per-rule and per-menu counters. */
class CallActionTraceTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private DecisionRunner runner;
    private CallActionService service;

    @BeforeEach
    void start() throws Exception {
        Path rules = Path.of(System.getProperty("callroute.rules.dir", "../rules"), "two-level-menu.yaml");
        LiveRules live = new LiveRules();
        live.publish(new RuleCompiler().compile(List.of(new RuleSetSource("two-level-menu", Files.readString(rules))),
                ActionRegistry.load(getClass().getClassLoader()), 4));
        runner = new DecisionRunner(Duration.ofSeconds(10));
        service = new CallActionService(live, new FallbackCallflow("Sorry.", "en-GB-Emma"), runner, registry,
                new CallPathCounters(registry), PinnedVersions.NONE, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void aMenuCallIsTracedStepByStep() {
        DecisionTrace welcome = service.answer(event(CallStatus.CALL_RECEIVED, "GB-LDN-0958", null, null)).trace();
        assertThat(welcome).isEqualTo(new DecisionTrace(4, "two-level-menu/welcome",
                List.of("two-level-menu/welcome"), null, "main_menu", null, null,
                List.of()));   // actions not guarded as plugins here; PluginCallTrackerTest covers plugin calls

        Answer key = service.answer(event(CallStatus.ACTION_COMPLETED, "GB-LDN-0958", "1", "main_menu:v4"));
        assertThat(key.ruleName()).isEqualTo("two-level-menu/main-reservations@v4");
        assertThat(key.trace().rule()).isEqualTo("two-level-menu/main-reservations");
        assertThat(key.trace().matchedRules()).containsExactly("two-level-menu/main-reservations",
                "two-level-menu/main-invalid-key");
        assertThat(key.trace().menuIn()).isEqualTo("main_menu");
        assertThat(key.trace().menuOut()).isEqualTo("reservations");
        assertThat(key.trace().dtmf()).isEqualTo("key:1");

        DecisionTrace pin = service.answer(event(CallStatus.ACTION_COMPLETED, "GB-LDN-0958", "4321",
                "reservations:v4")).trace();
        assertThat(pin.dtmf()).as("several keys may be a PIN: only their number").isEqualTo("digits:4");
        DecisionTrace timeout = service.answer(event(CallStatus.ACTION_COMPLETED, "GB-LDN-0958", null,
                "reservations:v4")).trace();
        assertThat(timeout.dtmf()).isEqualTo("timeout");
        assertThat(timeout.rule()).isEqualTo("two-level-menu/reservations-retry");

        assertThat(registry.get("callroute.rule.hits").tag("rule", "two-level-menu/reservations-retry").counter()
                .count()).isEqualTo(2);
        assertThat(registry.get("callroute.menu.dtmf").tag("menu", "main_menu").tag("key", "1").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("callroute.menu.dtmf").tag("menu", "reservations").tag("key", "other").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get("callroute.menu.dtmf").tag("menu", "reservations").tag("key", "none").counter()
                .count()).isEqualTo(1);
    }

    @Test
    void aFallbackSaysWhichVersionFoundNoRule() {
        Answer answer = service.answer(event(CallStatus.CALL_RECEIVED, "SOMEONE-ELSES", null, null));
        assertThat(answer.isFallback()).isTrue();
        assertThat(answer.trace()).isEqualTo(new DecisionTrace(4, null, null, null, null, null, "no_match",
                List.of()));
    }

    @Test
    void keysOutsideAnyMenuAreTracedButCountedForNoMenu() {
        Answer answer = service.answer(event(CallStatus.ACTION_COMPLETED, "GB-LDN-0958", "1", null));
        assertThat(answer.trace().fallbackKind()).as("no rule for keys outside a menu; not an error")
                .isEqualTo("no_match");
        assertThat(answer.trace().dtmf()).isEqualTo("key:1");
        assertThat(registry.find("callroute.menu.dtmf").counters()).isEmpty();
    }

    private static CallEvent event(CallStatus status, String virtualNumberRef, String dtmf, String clientActionId) {
        return new CallEvent(UUID.randomUUID().toString(), "c", "s", "a", status, CallDirection.INBOUND,
                CallType.PSTN, "+447700900123", "+442079460958", "GB", "GB", null, virtualNumberRef, 0, 200, dtmf,
                null, Instant.parse("2026-03-10T10:00:00Z"), clientActionId, List.of());
    }
}
