package io.callroute.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.actions.ActionRegistry;
import io.callroute.analytics.CallPathCounters;
import io.callroute.event.CallDirection;
import io.callroute.event.CallEvent;
import io.callroute.event.CallStatus;
import io.callroute.event.CallType;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.LiveRules;
import io.callroute.rules.PinnedVersions;
import io.callroute.rules.RuleCompiler;
import io.callroute.rules.RuleSetSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call in its menu carries the version it started on; a node that lacks that version (the call started on
 * another node, or before a restart) gets it loaded before answering, or answers with its live version when the
 * load takes longer than the wait allows.
 */
class PinnedVersionCallTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DecisionRunner runner = new DecisionRunner(Duration.ofSeconds(10));
    private final LiveRules live = new LiveRules();
    private final List<Integer> asked = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        runner.close();
    }

    private static CompiledRules twoLevelMenu(int version) throws Exception {
        Path rules = Path.of(System.getProperty("callroute.rules.dir", "../rules"), "two-level-menu.yaml");
        return new RuleCompiler().compile(List.of(new RuleSetSource("two-level-menu", Files.readString(rules))),
                ActionRegistry.load(PinnedVersionCallTest.class.getClassLoader()), version);
    }

    private CallActionService service(PinnedVersions pinned) {
        return new CallActionService(live, new FallbackCallflow("Sorry.", "en-GB-Emma"), runner, registry,
                new CallPathCounters(registry), number -> {
                    asked.add(number);
                    return pinned.load(number);
                }, Duration.ofMillis(300));
    }

    private double pinned(String result) {
        return registry.get("callroute.calls.pinned").tag("result", result).counter().count();
    }

    @Test
    void aVersionThisNodeLacksIsLoadedAndAnswersTheCall() throws Exception {
        live.publish(twoLevelMenu(5));
        CompiledRules loaded = twoLevelMenu(4);
        CallActionService service = service(number -> {
            live.keep(loaded);   // as the loader does, so the next round finds it
            return CompletableFuture.completedFuture(Optional.of(loaded));
        });

        Answer first = service.answer(keyPressed("1", "main_menu:v4"));
        assertThat(first.ruleName()).isEqualTo("two-level-menu/main-reservations@v4");
        assertThat(first.trace().rulesVersion()).isEqualTo(4);
        Answer second = service.answer(keyPressed("4321", "reservations:v4"));
        assertThat(second.ruleName()).endsWith("@v4");

        assertThat(asked).as("loaded once; the second round found it kept").containsExactly(4);
        assertThat(pinned("loaded")).isEqualTo(1);
        assertThat(pinned("live_instead")).isZero();
    }

    @Test
    void aLoadThatTakesLongerThanTheWaitLeavesTheCallToTheLiveVersion() throws Exception {
        live.publish(twoLevelMenu(5));
        CompletableFuture<Optional<CompiledRules>> never = new CompletableFuture<>();
        CallActionService service = service(number -> never);

        Answer answer = service.answer(keyPressed("1", "main_menu:v4"));

        assertThat(answer.isFallback()).isFalse();
        assertThat(answer.ruleName()).isEqualTo("two-level-menu/main-reservations@v5");
        assertThat(answer.micros()).as("waited the 300 ms allowed, not more").isBetween(300_000L, 5_000_000L);
        assertThat(pinned("live_instead")).isEqualTo(1);
    }

    @Test
    void callsOnTheLiveOrAKeptVersionNeverAskForALoad() throws Exception {
        live.publish(twoLevelMenu(4));
        live.publish(twoLevelMenu(5));
        CallActionService service = service(number -> {
            throw new AssertionError("asked to load version " + number);
        });

        assertThat(service.answer(keyPressed("1", "main_menu:v4")).ruleName()).endsWith("@v4");
        assertThat(service.answer(keyPressed("1", "main_menu:v5")).ruleName()).endsWith("@v5");
        assertThat(service.answer(keyPressed("1", "main_menu")).ruleName()).as("no version: live").endsWith("@v5");
        assertThat(asked).isEmpty();
        assertThat(pinned("loaded") + pinned("live_instead")).isZero();
    }

    private static CallEvent keyPressed(String dtmf, String clientActionId) {
        return new CallEvent(UUID.randomUUID().toString(), "c", "s", "a", CallStatus.ACTION_COMPLETED,
                CallDirection.INBOUND, CallType.PSTN, "+447700900123", "+442079460958", "GB", "GB", null,
                "GB-LDN-0958", 0, 200, dtmf, null, Instant.parse("2026-03-10T10:00:00Z"), clientActionId, List.of());
    }
}
