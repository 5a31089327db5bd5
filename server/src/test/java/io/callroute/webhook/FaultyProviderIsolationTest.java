package io.callroute.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.actions.ActionRegistry;
import io.callroute.event.CallDirection;
import io.callroute.event.CallEvent;
import io.callroute.event.CallStatus;
import io.callroute.event.CallType;
import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.Hangup;
import io.callroute.plugin.Parameters;
import io.callroute.plugin.Say;
import io.callroute.rules.LiveRules;
import io.callroute.rules.RuleCompiler;
import io.callroute.rules.RuleSetSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * An action provider that throws, hangs or answers garbage costs only the calls that reach it: they get the
 * fallback callflow with the reason, and a call answered by a healthy rule right after is untouched.
 */
class FaultyProviderIsolationTest {

    private static final String RULES = """
            rules:
              - { id: throws,  when: { destination: "+6531580001" }, then: { steps: [ { explode: {} } ] } }
              - { id: hangs,   when: { destination: "+6531580002" }, then: { steps: [ { stall: {} } ] } }
              - { id: garbage, when: { destination: "+6531580003" }, then: { steps: [ { garbage: {} } ] } }
              - { id: healthy, when: { destination: "+6531580004" }, then: { steps: [ { say: { text: Hello, voiceProfile: en-GB-Emma } }, hangup ] } }
            """;

    /** Behaves when the rules load (they trial-build every step) and misbehaves once armed, on calls. */
    private static ActionProvider provider(String id, AtomicBoolean armed, Runnable behaviour,
                                           List<CallAction> answer) {
        return new ActionProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<CallAction> build(Parameters parameters, CallContext call) {
                if (!armed.get()) {
                    return List.of(new Hangup());
                }
                behaviour.run();
                return answer;
            }
        };
    }

    private static CallEvent callTo(String destination) {
        return new CallEvent(UUID.randomUUID().toString(), "c", "s", "a", CallStatus.CALL_RECEIVED,
                CallDirection.INBOUND, CallType.PSTN, "+6598765432", destination, "SG", "SG", null, null, 0, 200, null,
                null, Instant.parse("2025-04-08T02:00:00Z"), null, List.of());
    }

    @Test
    void aFaultyProviderGivesItsCallsTheFallbackAndLeavesTheOthersAlone() {
        CountDownLatch released = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean();
        List<ActionProvider> providers = new ArrayList<>(ActionRegistry.load(getClass().getClassLoader()).all());
        providers.add(provider("explode", armed, () -> {
            throw new IllegalStateException("the CRM is down");
        }, List.of(new Hangup())));
        providers.add(provider("stall", armed, () -> {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, List.of(new Hangup())));
        providers.add(provider("garbage", armed, () -> { }, Arrays.asList(new Say("Hi", "en-GB-Emma"), null)));
        ActionRegistry actions = ActionRegistry.of(providers.toArray(ActionProvider[]::new));
        LiveRules live = new LiveRules();
        live.publish(new RuleCompiler().compile(List.of(new RuleSetSource("plugins", RULES)), actions));
        armed.set(true);
        FallbackCallflow fallback = new FallbackCallflow("Sorry, please call again later.", "en-GB-Emma");

        try (DecisionRunner runner = new DecisionRunner(Duration.ofMillis(500))) {
            CallActionService service = new CallActionService(live, fallback, runner, new SimpleMeterRegistry());
            Answer thrown = service.answer(callTo("+6531580001"));
            Answer hung = service.answer(callTo("+6531580002"));
            Answer garbage = service.answer(callTo("+6531580003"));
            Answer healthy = service.answer(callTo("+6531580004"));

            assertThat(thrown.isFallback()).isTrue();
            assertThat(thrown.fallbackReason()).contains("the CRM is down");
            assertThat(hung.isFallback()).isTrue();
            assertThat(hung.fallbackReason()).contains("deadline");
            assertThat(garbage.isFallback()).isTrue();
            assertThat(List.of(thrown, hung, garbage)).allSatisfy(answer ->
                    assertThat(answer.json()).isEqualTo(fallback.json()));
            assertThat(healthy.isFallback()).isFalse();
            assertThat(healthy.ruleName()).isEqualTo("plugins/healthy");
        } finally {
            released.countDown();
        }
    }
}
