package io.callroute.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.actions.ActionRegistry;
import io.callroute.event.CallDirection;
import io.callroute.event.CallEvent;
import io.callroute.event.CallStatus;
import io.callroute.event.CallType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drools evaluates a constraint with MVEL at first and, after some evaluations (20 by default), replaces it with
 * bytecode it generates. Drools 10.2.0 generates a call to a method that no longer exists for constraints that use a
 * custom operator such as {@code str[startsWith]} (apache/incubator-kie-drools#6711), so a rule that worked for its
 * first 20 calls failed on the 21st. Every kind of condition must keep deciding correctly well past that point.
 */
class ConstraintJittingTest {

    private static final ActionRegistry ACTIONS = ActionRegistry.load(ConstraintJittingTest.class.getClassLoader());
    private static final int CALLS = 200;   // ten times Drools' jitting threshold

    private static final String RULES = """
            defaultZone: Asia/Singapore
            defaults: { say: { voiceProfile: en-US-BenjaminRUS } }
            rules:
              - { id: pin-pattern, priority: 60, when: { dtmf: { pattern: "[0-9]{4}" } }, then: { steps: [ hangup ] } }
              - { id: uk-prefix, priority: 50, when: { source: "+44*" }, then: { steps: [ hangup ] } }
              - { id: two-numbers, priority: 40, when: { destination: [ "+6531580001", "+6531580002" ] },
                  then: { steps: [ hangup ] } }
              - { id: office, priority: 30, when: { time: { days: MON-FRI, from: "09:00", to: "18:00" } },
                  then: { steps: [ hangup ] } }
              - { id: anyone, priority: 1, when: {}, then: { steps: [ hangup ] } }
            """;

    private static CallEvent call(String source, String destination, String dtmf, String timestamp) {
        return new CallEvent("evt", "call", "session", "acct", CallStatus.CALL_RECEIVED, CallDirection.INBOUND,
                CallType.PSTN, source, destination, "SG", "SG", null, null, 0, 200, dtmf, null,
                Instant.parse(timestamp), null, List.of());
    }

    @Test
    void everyKindOfConditionDecidesAlikeBeforeAndAfterDroolsCompilesItsConstraints() {
        CompiledRules rules = new RuleCompiler().compile(List.of(new RuleSetSource("jit", RULES)), ACTIONS);
        for (int i = 0; i < CALLS; i++) {
            String round = "call " + i;
            assertThat(winner(rules, call("+6598765432", "+6531589999", "1234", "2025-04-08T14:00:00Z")))
                    .as(round).isEqualTo("pin-pattern");
            assertThat(winner(rules, call("+6598765432", "+6531589999", "12", "2025-04-08T14:00:00Z")))
                    .as(round).isEqualTo("anyone");
            assertThat(winner(rules, call("+442071234567", "+6531589999", null, "2025-04-08T14:00:00Z")))
                    .as(round).isEqualTo("uk-prefix");
            assertThat(winner(rules, call("+6598765432", "+6531580002", null, "2025-04-08T14:00:00Z")))
                    .as(round).isEqualTo("two-numbers");
            assertThat(winner(rules, call("+6598765432", "+6531589999", null, "2025-04-08T02:00:00Z")))
                    .as(round).isEqualTo("office");
        }
    }

    private static String winner(CompiledRules rules, CallEvent event) {
        return rules.decide(event).map(Decision::ruleId).orElse("(none)");
    }
}
