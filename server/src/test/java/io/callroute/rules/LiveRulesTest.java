package io.callroute.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.actions.ActionRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveRulesTest {

    private static final ActionRegistry ACTIONS = ActionRegistry.load(LiveRulesTest.class.getClassLoader());

    private static CompiledRules version(int number) {
        return new RuleCompiler().compile(List.of(new RuleSetSource("v" + number,
                "rules: [ { id: r" + number + ", then: { menu: m, steps: [ hangup ] } } ]")), ACTIONS, number);
    }

    @Test
    void callsMidMenuGetTheVersionTheyStartedWithNewCallsTheLiveOne() {
        LiveRules live = new LiveRules();
        CompiledRules first = version(1);
        CompiledRules second = version(2);
        live.publish(first);
        live.publish(second);
        assertThat(live.forCall(null)).containsSame(second);
        assertThat(live.forCall("m:v1")).containsSame(first);
        assertThat(live.forCall("m:v2")).containsSame(second);
        assertThat(live.forCall("m")).as("no version: live").containsSame(second);
        assertThat(live.forCall("m:v9")).as("unknown version: live").containsSame(second);
    }

    @Test
    void onlyRecentVersionsStayCompiled() {
        LiveRules live = new LiveRules();
        CompiledRules oldest = version(1);
        live.publish(oldest);
        for (int number = 2; number <= LiveRules.KEPT_VERSIONS + 2; number++) {
            live.publish(version(number));
        }
        assertThat(live.forCall("m:v1")).as("evicted: falls back to live").isNotSameAs(oldest)
                .map(CompiledRules::version).contains(LiveRules.KEPT_VERSIONS + 2);
        assertThat(live.forCall("m:v2")).map(CompiledRules::version).contains(2);
    }

    @Test
    void aVersionKeptForACallStaysWithoutGoingLiveWhateverItsNumber() {
        LiveRules live = new LiveRules();
        for (int number = 10; number <= 10 + LiveRules.KEPT_VERSIONS; number++) {
            live.publish(version(number));
        }
        CompiledRules old = version(3);
        live.keep(old);
        assertThat(live.current()).map(CompiledRules::version).as("still live").contains(10 + LiveRules.KEPT_VERSIONS);
        assertThat(live.forCall("m:v3")).as("kept though older than every other").containsSame(old);
        assertThat(live.kept(10)).as("the oldest of the others made room").isEmpty();
        assertThat(live.kept(11)).isPresent();

        for (int number = 20; number < 20 + LiveRules.KEPT_VERSIONS; number++) {
            live.publish(version(number));
            assertThat(live.kept(3)).as("kept while at most %d came after it", LiveRules.KEPT_VERSIONS)
                    .containsSame(old);
        }
        live.publish(version(30));
        assertThat(live.kept(3)).as("dropped once more than %d came after it", LiveRules.KEPT_VERSIONS).isEmpty();
    }

    @Test
    void theAnswerCarriesTheVersionInItsClientActionId() {
        CompiledRules rules = version(7);
        var event = new io.callroute.event.CallEvent("e", "c", "s", "a", io.callroute.event.CallStatus.CALL_RECEIVED,
                io.callroute.event.CallDirection.INBOUND, io.callroute.event.CallType.PSTN, "+6598765432",
                "+6531580001", "SG", "SG", null, null, 0, 200, null, null, java.time.Instant.now(), null, List.of());
        assertThat(rules.decide(event).orElseThrow().callflow().clientActionId()).isEqualTo("m:v7");
    }
}
