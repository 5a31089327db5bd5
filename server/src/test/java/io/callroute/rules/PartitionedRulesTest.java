package io.callroute.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callroute.actions.ActionRegistry;
import io.callroute.event.CallDirection;
import io.callroute.event.CallEvent;
import io.callroute.event.CallStatus;
import io.callroute.event.CallType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule base cut into partitions by rule set and called number: a call runs only the partitions that can match
 * it, yet gets exactly the decision one rule base would give; a publish rebuilds only what changed.
 */
class PartitionedRulesTest {

    private static final ActionRegistry ACTIONS = ActionRegistry.load(PartitionedRulesTest.class.getClassLoader());

    /** Rules pinned by reference, by number and by destination, and rules for any number, in two sets. */
    private static final String BY_NUMBER = """
            defaultZone: Asia/Singapore
            defaults: { say: { voiceProfile: en-US-BenjaminRUS } }
            schedules:
              sg-office: { hours: [ { days: MON-FRI, from: "09:00", to: "18:00" } ] }
              my-office: { zone: Asia/Kuala_Lumpur, hours: [ { days: MON-FRI, from: "08:00", to: "17:00" } ] }
            rules:
              - { id: sg-open, priority: 30, when: { virtualNumberRef: vn-sg, schedule: sg-office },
                  then: { steps: [ { say: { text: sg open } } ] } }
              - { id: sg-closed, priority: 10, when: { virtualNumberRef: vn-sg },
                  then: { steps: [ { say: { text: sg closed } } ] } }
              - { id: my-open, priority: 30, when: { virtualNumber: "+60322223333", schedule: my-office },
                  then: { steps: [ { say: { text: my open } } ] } }
              - { id: my-closed, priority: 10, when: { virtualNumber: "+60322223333" },
                  then: { steps: [ { say: { text: my closed } } ] } }
              - { id: two-numbers, priority: 5, when: { destination: [ "+6531580009", "+6531580008" ] },
                  then: { steps: [ { say: { text: two numbers } } ] } }
            """;

    private static final String ANY_NUMBER = """
            defaultZone: Asia/Singapore
            defaults: { say: { voiceProfile: en-US-BenjaminRUS } }
            rules:
              - { id: blocked-caller, priority: 100, when: { source: "+6590000000" }, then: { steps: [ hangup ] } }
              - { id: sg-prefix, priority: 1, when: { destination: "+65*" },
                  then: { steps: [ { say: { text: any sg number } } ] } }
            """;

    private static CallEvent call(String source, String destination, String refId, String timestamp) {
        return new CallEvent("evt", "call", "session", "acct", CallStatus.CALL_RECEIVED, CallDirection.INBOUND,
                CallType.PSTN, source, destination, "SG", "SG", null, refId, 0, 200, null, null,
                Instant.parse(timestamp), null, List.of());
    }

    private static CompiledRules compile(RuleCompiler compiler, String byNumber, String anyNumber) {
        return compiler.compile(List.of(new RuleSetSource("by-number", byNumber),
                new RuleSetSource("any-number", anyNumber)), ACTIONS, 1);
    }

    private static List<String> matched(CompiledRules rules, CallEvent event) {
        return rules.decide(event).map(Decision::matchedRules).orElse(List.of());
    }

    @Test
    void eachCallRunsOnlyItsNumbersPartitionsAndGetsTheSameDecisionAsTheWholeRuleBase() {
        CompiledRules rules = compile(new RuleCompiler(), BY_NUMBER, ANY_NUMBER);
        assertThat(rules.partitionCount()).isEqualTo(2);
        assertThat(rules.drl()).contains("partition: by-number, 5 rules").contains("partition: any-number, 2 rules");

        String tuesday10 = "2025-04-08T02:00:00Z";   // 10:00 in Singapore and Kuala Lumpur
        String tuesday22 = "2025-04-08T14:00:00Z";
        List<CallEvent> calls = List.of(
                call("+6598765432", "+6531580001", "vn-sg", tuesday10),
                call("+6598765432", "+6531580001", "vn-sg", tuesday22),
                call("+6598765432", "+60322223333", null, tuesday10),
                call("+6598765432", "+60322223333", null, tuesday22),
                call("+6598765432", "+6531580008", null, tuesday10),
                call("+6590000000", "+6531580001", "vn-sg", tuesday10),
                call("+6598765432", "+6531589999", null, tuesday10),
                call("+4420000000", "+4420000001", null, tuesday10));
        assertThat(calls).extracting(call -> matched(rules, call)).containsExactly(
                List.of("by-number/sg-open", "by-number/sg-closed", "any-number/sg-prefix"),
                List.of("by-number/sg-closed", "any-number/sg-prefix"),
                List.of("by-number/my-open", "by-number/my-closed"),
                List.of("by-number/my-closed"),
                List.of("by-number/two-numbers", "any-number/sg-prefix"),
                List.of("any-number/blocked-caller", "by-number/sg-open", "by-number/sg-closed",
                        "any-number/sg-prefix"),
                List.of("any-number/sg-prefix"),
                List.of());
        // The explanation runs every partition with every schedule's state: it must agree with the fast path.
        for (CallEvent call : calls) {
            Explanation explanation = rules.explain(call);
            assertThat(explanation.decision() == null ? List.of() : explanation.decision().matchedRules())
                    .as("%s", call).isEqualTo(matched(rules, call));
        }
    }

    @Test
    void aPublishRebuildsOnlyThePartitionsWhoseRulesChanged() {
        RuleCompiler compiler = new RuleCompiler();
        PartitionBuilder builder = compiler.partitionBuilder();
        CompiledRules first = compile(compiler, BY_NUMBER, ANY_NUMBER);
        assertThat(builder.builtCount()).isEqualTo(2);

        CompiledRules same = compile(compiler, BY_NUMBER, ANY_NUMBER);
        assertThat(builder.builtCount()).as("nothing changed, nothing is built").isEqualTo(2);
        assertThat(same.drl()).isEqualTo(first.drl());

        String blockedElsewhere = ANY_NUMBER.replace("+6590000000", "+6590000001");
        CompiledRules changed = compile(compiler, BY_NUMBER, blockedElsewhere);
        assertThat(builder.builtCount()).as("only the changed set is built").isEqualTo(3);
        assertThat(matched(changed, call("+6590000001", "+6531580001", "vn-sg", "2025-04-08T02:00:00Z")))
                .startsWith("any-number/blocked-caller");
        assertThat(matched(changed, call("+6590000000", "+6531580001", "vn-sg", "2025-04-08T02:00:00Z")))
                .startsWith("by-number/sg-open");
        assertThat(matched(first, call("+6590000000", "+6531580001", "vn-sg", "2025-04-08T02:00:00Z")))
                .as("the earlier version is untouched").startsWith("any-number/blocked-caller");
    }

    @Test
    void aPriorityChangeElsewhereRanksAgainWithoutRebuilding() {
        RuleCompiler compiler = new RuleCompiler();
        compile(compiler, BY_NUMBER, ANY_NUMBER);
        int built = compiler.partitionBuilder().builtCount();
        // sg-prefix now outranks sg-closed: only the any-number partition's DRL (its salience) changes.
        CompiledRules reordered = compile(compiler, BY_NUMBER, ANY_NUMBER.replace("priority: 1,", "priority: 20,"));
        assertThat(compiler.partitionBuilder().builtCount()).isEqualTo(built + 1);
        assertThat(matched(reordered, call("+6598765432", "+6531580001", "vn-sg", "2025-04-08T14:00:00Z")))
                .containsExactly("any-number/sg-prefix", "by-number/sg-closed");
    }

    @Test
    void anUnchangedSetIsCheckedAgainWhenTheActionProvidersChange() {
        RuleCompiler compiler = new RuleCompiler();
        compile(compiler, BY_NUMBER, ANY_NUMBER);
        ActionRegistry withoutSay = ActionRegistry.of(ACTIONS.all().stream()
                .filter(provider -> !provider.id().equals("say")).toArray(io.callroute.plugin.ActionProvider[]::new));
        assertThatThrownBy(() -> compiler.compile(List.of(new RuleSetSource("by-number", BY_NUMBER),
                new RuleSetSource("any-number", ANY_NUMBER)), withoutSay, 2))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems()).isNotEmpty()
                        .allSatisfy(problem -> assertThat(problem.field() + ": " + problem.message())
                                .contains("say")));
        assertThat(compile(compiler, BY_NUMBER, ANY_NUMBER).ruleCount()).as("and back").isEqualTo(7);
    }

    @Test
    void aLargeSetIsCutIntoGroupsOfNumbersAndEveryNumberStillFindsItsRules() {
        StringBuilder yaml = new StringBuilder("defaultZone: Asia/Singapore\n"
                + "defaults: { say: { voiceProfile: en-US-BenjaminRUS } }\nrules:\n");
        int numbers = 300;
        for (int n = 0; n < numbers; n++) {
            yaml.append("  - { id: open-").append(n).append(", priority: 2, when: { virtualNumberRef: vn-").append(n)
                    .append(", time: { days: MON-FRI, from: \"09:00\", to: \"18:00\" } }, then: { steps: [ { say: ")
                    .append("{ text: open ").append(n).append(" } } ] } }\n")
                    .append("  - { id: closed-").append(n).append(", priority: 1, when: { virtualNumberRef: vn-")
                    .append(n).append(" }, then: { steps: [ hangup ] } }\n");
        }
        CompiledRules rules = new RuleCompiler().compile(List.of(new RuleSetSource("big", yaml.toString())), ACTIONS);
        // 600 pinned rules at about 250 to a group: 3 wanted, rounded up to 4
        assertThat(rules.partitionCount()).isEqualTo(4);
        assertThat(rules.drl()).contains("partition: big (numbers group 1 of 4)");
        List<String> winners = new ArrayList<>();
        for (int n = 0; n < numbers; n += 37) {
            winners.add(rules.decide(call("+6598765432", "+6531580001", "vn-" + n, "2025-04-08T02:00:00Z"))
                    .orElseThrow().ruleId());
            winners.add(rules.decide(call("+6598765432", "+6531580001", "vn-" + n, "2025-04-08T14:00:00Z"))
                    .orElseThrow().ruleId());
        }
        assertThat(winners).containsExactly("open-0", "closed-0", "open-37", "closed-37", "open-74", "closed-74",
                "open-111", "closed-111", "open-148", "closed-148", "open-185", "closed-185", "open-222", "closed-222",
                "open-259", "closed-259", "open-296", "closed-296");
    }

    /**
     * A publish of many sets at once (48 partitions from one builder): every number finds its own set's rules, and
     * the any-number rules of all sets still compete by rank. Enough calls for Drools to compile the constraints to
     * bytecode on the way (see ConstraintJittingTest).
     */
    @Test
    void aPublishOfManyRuleSetsDecidesEveryNumberByItsOwnSet() {
        List<RuleSetSource> sets = new ArrayList<>();
        int count = 24;
        for (int n = 0; n < count; n++) {
            sets.add(new RuleSetSource("set-" + n, "defaultZone: Asia/Singapore\n"
                    + "defaults: { say: { voiceProfile: en-US-BenjaminRUS } }\nrules:\n"
                    + "  - { id: open, priority: 2, when: { virtualNumberRef: vn-" + n + ", time: { days: MON-FRI, "
                    + "from: \"09:00\", to: \"18:00\" } }, then: { steps: [ { say: { text: open " + n + " } } ] } }\n"
                    + "  - { id: vip, priority: 3, when: { virtualNumberRef: vn-" + n + ", source: \"" + vip(n)
                    + "\" }, then: { steps: [ hangup ] } }\n"
                    + "  - { id: closed, priority: 1, when: { source: \"+65*\" }, then: { steps: [ hangup ] } }\n"));
        }
        RuleCompiler compiler = new RuleCompiler();
        CompiledRules rules = compiler.compile(sets, ACTIONS, 1);
        assertThat(rules.partitionCount()).as("a pinned and an any-number partition per set").isEqualTo(2 * count);
        assertThat(compiler.partitionBuilder().builtCount()).isEqualTo(2 * count);
        for (int n = 0; n < count; n++) {
            Decision open = rules.decide(call("+6598765432", "+6531580001", "vn-" + n, "2025-04-08T02:00:00Z"))
                    .orElseThrow();
            assertThat(open.ruleSet() + "/" + open.ruleId()).isEqualTo("set-" + n + "/open");
            assertThat(open.callflow().toString()).contains("open " + n);
            assertThat(rules.decide(call(vip(n), "+6531580001", "vn-" + n, "2025-04-08T02:00:00Z"))
                    .orElseThrow().ruleId()).isEqualTo("vip");
            // Any-number rules of every set match; the first set's, ranked first among equals, wins.
            assertThat(rules.decide(call("+6598765432", "+6531580001", "vn-" + n, "2025-04-08T14:00:00Z"))
                    .orElseThrow().ruleSet()).isEqualTo("set-0");
        }
    }

    private static String vip(int n) {
        return String.format("+659100%04d", n);
    }
}
