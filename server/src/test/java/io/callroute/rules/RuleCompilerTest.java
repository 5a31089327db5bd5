package io.callroute.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callroute.actions.ActionRegistry;
import io.callroute.event.CallDirection;
import io.callroute.event.CallEvent;
import io.callroute.event.CallStatus;
import io.callroute.event.CallType;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.MakeCall;
import io.callroute.plugin.Say;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The YAML → DRL → KieBase path with real Drools and the built-in actions. */
class RuleCompilerTest {

    private static final ActionRegistry ACTIONS = ActionRegistry.load(RuleCompilerTest.class.getClassLoader());

    private static CompiledRules compile(String yaml) {
        return new RuleCompiler().compile(List.of(new RuleSetSource("test", yaml)), ACTIONS);
    }

    private static CompiledRules examples() {
        Path dir = Path.of(System.getProperty("callroute.rules.dir", "../rules"));
        return new RuleCompiler().compile(RuleFiles.read(dir), ACTIONS);
    }

    private static CallEvent call(CallStatus status, String source, String destination, String refId, String menu,
                                  String dtmf, String timestamp) {
        return new CallEvent("evt", "call", "session", "acct", status, CallDirection.INBOUND, CallType.PSTN, source,
                destination, "SG", "SG", null, refId, 0, 200, dtmf, null, Instant.parse(timestamp), menu, List.of());
    }

    private static String winner(CompiledRules rules, CallEvent event) {
        return rules.decide(event).map(Decision::ruleId).orElse("(none)");
    }

    @Test
    void theExampleRulesCompile() {
        CompiledRules rules = examples();
        assertThat(rules.ruleSetCount()).isEqualTo(3);
        assertThat(rules.ruleCount()).isGreaterThan(20);
        assertThat(rules.drl()).contains("global io.callroute.rules.MatchCollector matches;")
                .contains("rule \"inbound-ivr/sg-open\"");
    }

    @Test
    void theSingaporeIvrAnswersByLocalTimeAndWeekday() {
        CompiledRules rules = examples();
        String number = "+6531580001";
        assertThat(winner(rules, call(CallStatus.CALL_RECEIVED, "+6598765432", number, "vn-sg-ivr-01", null, null,
                "2025-04-08T02:00:00Z"))).isEqualTo("sg-open");       // Tuesday 10:00 SGT
        assertThat(winner(rules, call(CallStatus.CALL_RECEIVED, "+6598765432", number, "vn-sg-ivr-01", null, null,
                "2025-04-08T14:00:00Z"))).isEqualTo("sg-closed");     // Tuesday 22:00 SGT
        assertThat(winner(rules, call(CallStatus.CALL_RECEIVED, "+6598765432", number, "vn-sg-ivr-01", null, null,
                "2025-04-06T02:00:00Z"))).isEqualTo("sg-weekend");    // Sunday 10:00 SGT
        assertThat(winner(rules, call(CallStatus.CALL_RECEIVED, "+6598765432", number, "vn-sg-ivr-01", null, null,
                "2025-04-08T10:00:00Z"))).isEqualTo("sg-closed");     // Tuesday 18:00 SGT: `to` is exclusive
    }

    @Test
    void theWinnerIsTheHighestPriorityAndEveryMatchIsExplained() {
        Decision decision = examples().decide(call(CallStatus.CALL_RECEIVED, "+6598765432", "+6531580001",
                "vn-sg-ivr-01", null, null, "2025-04-08T02:00:00Z")).orElseThrow();
        assertThat(decision.matchedRules()).containsExactly("inbound-ivr/sg-open", "inbound-ivr/sg-closed");
        assertThat(decision.callflow().clientActionId()).isEqualTo("main_menu");
    }

    @Test
    void theMaskingRulesBridgeALiveSessionBothWaysAndRefuseCallersWithoutOne() {
        io.callroute.facts.MaskingLookup sessions = (virtualNumber, caller, at) -> {
            if (!virtualNumber.equals("+6531589000")) {
                return io.callroute.facts.MaskingMatch.NOT_MASKED;
            }
            return switch (caller) {
                case "+6581112222" -> new io.callroute.facts.MaskingMatch(true, "ms_1", "+6590001111", "booking-7",
                        true, "Connecting you to your driver.");
                case "+6590001111" -> new io.callroute.facts.MaskingMatch(true, "ms_1", "+6581112222", "booking-7",
                        true, null);
                default -> io.callroute.facts.MaskingMatch.NO_LIVE_SESSION;
            };
        };
        Path dir = Path.of(System.getProperty("callroute.rules.dir", "../rules"));
        CompiledRules rules = new RuleCompiler(getClass().getClassLoader(), sessions, io.callroute.facts.FactCatalog.NONE).compile(RuleFiles.read(dir),
                ACTIONS);
        String at = "2025-02-17T10:05:33Z";

        Decision rider = rules.decide(call(CallStatus.CALL_RECEIVED, "+6581112222", "+6531589000", "vn-ref-1", null,
                null, at)).orElseThrow();
        assertThat(rider.ruleId()).isEqualTo("bridge-with-greeting");
        assertThat(rider.maskingSession()).isEqualTo("ms_1");
        assertThat(((Say) rider.callflow().actions().get(0)).text()).isEqualTo("Connecting you to your driver.");
        MakeCall toDriver = (MakeCall) rider.callflow().actions().get(1);
        assertThat(toDriver).isEqualTo(new MakeCall("+6531589000", "+6590001111", true));

        Decision driver = rules.decide(call(CallStatus.CALL_RECEIVED, "+6590001111", "+6531589000", "vn-ref-1", null,
                null, at)).orElseThrow();
        assertThat(driver.ruleId()).isEqualTo("bridge");
        assertThat(driver.callflow().actions()).containsExactly(new MakeCall("+6531589000", "+6581112222", true));

        Decision stranger = rules.decide(call(CallStatus.CALL_RECEIVED, "+6599998888", "+6531589000", "vn-ref-1",
                null, null, at)).orElseThrow();
        assertThat(stranger.ruleId()).isEqualTo("not-in-service");
        assertThat(stranger.maskingSession()).isNull();

        assertThat(winner(rules, call(CallStatus.CALL_RECEIVED, "+6598765432", "+6531580001", "vn-sg-ivr-01", null,
                null, "2025-04-08T02:00:00Z"))).as("an IVR number is not a masking number").isEqualTo("sg-open");
    }

    @Test
    void aWindowCrossingMidnightBelongsToTheDayItStartsOn() {
        CompiledRules rules = compile("""
                defaultZone: Asia/Singapore
                rules:
                  - id: friday-night
                    when: { time: { days: FRI, from: "22:00", to: "06:00" } }
                    then: { steps: [ hangup ] }
                """);
        // Friday 23:00 and Saturday 02:00 SGT are in; Friday 02:00 and Saturday 23:00 are not
        assertThat(winner(rules, call(CallStatus.CALL_RECEIVED, "+6598765432", "+6531580001", "x", null, null,
                "2025-04-11T15:00:00Z"))).isEqualTo("friday-night");
        assertThat(winner(rules, call(CallStatus.CALL_RECEIVED, "+6598765432", "+6531580001", "x", null, null,
                "2025-04-11T18:00:00Z"))).isEqualTo("friday-night");
        assertThat(winner(rules, call(CallStatus.CALL_RECEIVED, "+6598765432", "+6531580001", "x", null, null,
                "2025-04-10T18:00:00Z"))).isEqualTo("(none)");
        assertThat(winner(rules, call(CallStatus.CALL_RECEIVED, "+6598765432", "+6531580001", "x", null, null,
                "2025-04-12T15:00:00Z"))).isEqualTo("(none)");
    }

    @Test
    void dtmfConditionsDistinguishKeysAnyKeyTimeoutAndPatterns() {
        CompiledRules rules = compile("""
                rules:
                  - { id: one, priority: 3, when: { dtmf: "1" }, then: { steps: [ hangup ] } }
                  - { id: pin, priority: 2, when: { dtmf: { pattern: "\\\\d{4}" } }, then: { steps: [ hangup ] } }
                  - { id: other, priority: 1, when: { dtmf: any }, then: { steps: [ hangup ] } }
                  - { id: timeout, priority: 1, when: { dtmf: none }, then: { steps: [ hangup ] } }
                """);
        String at = "2025-04-08T02:00:00Z";
        assertThat(winner(rules, call(CallStatus.ACTION_COMPLETED, "+6598765432", "+6531580001", "x", "m", "1", at)))
                .isEqualTo("one");
        assertThat(winner(rules, call(CallStatus.ACTION_COMPLETED, "+6598765432", "+6531580001", "x", "m", "2580",
                at))).isEqualTo("pin");
        assertThat(winner(rules, call(CallStatus.ACTION_COMPLETED, "+6598765432", "+6531580001", "x", "m", "7", at)))
                .isEqualTo("other");
        assertThat(winner(rules, call(CallStatus.ACTION_COMPLETED, "+6598765432", "+6531580001", "x", "m", null, at)))
                .isEqualTo("timeout");
    }

    @Test
    void menuStateAndNumberPrefixesAreMatched() {
        CompiledRules rules = compile("""
                rules:
                  - { id: first-round, when: { menu: none, destination: "+65*" }, then: { menu: main, steps: [ hangup ] } }
                  - { id: in-main, when: { menu: main }, then: { steps: [ hangup ] } }
                """);
        String at = "2025-04-08T02:00:00Z";
        Optional<Decision> first = rules.decide(call(CallStatus.CALL_RECEIVED, "+6598765432", "+6531580001", "x",
                null, null, at));
        assertThat(first.map(Decision::ruleId)).contains("first-round");
        assertThat(first.orElseThrow().callflow().clientActionId()).isEqualTo("main");
        assertThat(winner(rules, call(CallStatus.CALL_RECEIVED, "+6598765432", "+4420794609", "x", null, null, at)))
                .isEqualTo("(none)");
        assertThat(winner(rules, call(CallStatus.ACTION_COMPLETED, "+6598765432", "+6531580001", "x", "main", "1",
                at))).isEqualTo("in-main");
    }

    @Test
    void referencesToCallFieldsAreResolvedPerCall() {
        CompiledRules rules = compile("""
                rules:
                  - id: echo
                    then:
                      steps:
                        - say: { text: "You called from ${source}", voiceProfile: en-GB-Emma }
                        - hangup
                """);
        List<CallAction> actions = rules.decide(call(CallStatus.CALL_RECEIVED, "+6598765432", "+6531580001", "x",
                null, null, "2025-04-08T02:00:00Z")).orElseThrow().callflow().actions();
        assertThat(((Say) actions.get(0)).text()).isEqualTo("You called from +6598765432");
    }

    @Test
    void aStepThatBreaksAnEightByEightLimitIsRefusedNamingRuleAndField() {
        assertThatThrownBy(() -> compile("""
                rules:
                  - id: menu
                    then:
                      steps:
                        - sayAndCapture:
                            promptMessage: Press 1
                            voiceProfile: en-GB-Emma
                            digitTimeout: 10000
                            overallTimeout: 10000
                """)).isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                .anySatisfy(p -> {
                    assertThat(p.ruleId()).isEqualTo("menu");
                    assertThat(p.field()).isEqualTo("then.steps[0].sayAndCapture.overallTimeout");
                }));
    }

    @Test
    void anUnknownActionIsRefusedWithASuggestion() {
        assertThatThrownBy(() -> compile("""
                rules:
                  - { id: typo, then: { steps: [ { hangpu: {} } ] } }
                """)).isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.ruleId()).isEqualTo("typo");
                    assertThat(p.field()).startsWith("then.steps[0]");
                    assertThat(p.message()).contains("hangup");
                }));
    }

    @Test
    void aCallflowThatBreaksTheSequenceRulesIsRefused() {
        assertThatThrownBy(() -> compile("""
                rules:
                  - id: capture-then-hangup
                    then:
                      steps:
                        - sayAndCapture: { promptMessage: Press 1, voiceProfile: en-GB-Emma }
                        - hangup
                """)).isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                .anySatisfy(p -> assertThat(p.ruleId()).isEqualTo("capture-then-hangup")));
    }

    @Test
    void twoRuleSetsMayNotShareAName() {
        String yaml = "ruleSet: same\nrules: [ { id: r, then: { steps: [ hangup ] } } ]\n";
        assertThatThrownBy(() -> new RuleCompiler().compile(List.of(new RuleSetSource("a", yaml),
                new RuleSetSource("b", yaml)), ACTIONS)).isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("unique");
    }

    @Test
    void rulesReferToNamedSchedulesByState() {
        CompiledRules rules = compile("""
                defaultZone: Asia/Singapore
                schedules:
                  office:
                    hours: [ { days: MON-FRI, from: "09:00", to: "18:00" } ]
                    holidays: [ "2025-12-25" ]
                  support:
                    zone: callee
                    hours: [ { days: daily, from: "08:00", to: "20:00" } ]
                rules:
                  - { id: open, priority: 3, when: { schedule: office }, then: { steps: [ hangup ] } }
                  - { id: holiday, priority: 2, when: { schedule: { name: office, is: holiday } }, then: { steps: [ hangup ] } }
                  - { id: support, priority: 1, when: { schedule: support }, then: { steps: [ hangup ] } }
                  - { id: closed, priority: 0, when: { schedule: { name: office, is: [closed, holiday] } }, then: { steps: [ hangup ] } }
                """);
        assertThat(winner(rules, call(CallStatus.CALL_RECEIVED, "+6598765432", "+6531580001", "x", null, null,
                "2025-12-02T02:00:00Z"))).isEqualTo("open");        // Tuesday 10:00 SGT
        assertThat(winner(rules, call(CallStatus.CALL_RECEIVED, "+6598765432", "+6531580001", "x", null, null,
                "2025-12-25T02:00:00Z"))).isEqualTo("holiday");     // Christmas 10:00 SGT
        assertThat(winner(rules, call(CallStatus.CALL_RECEIVED, "+6598765432", "+6531580001", "x", null, null,
                "2025-12-06T02:00:00Z"))).isEqualTo("support");     // Saturday 10:00 SGT, callee in Singapore
        assertThat(winner(rules, call(CallStatus.CALL_RECEIVED, "+6598765432", "+6531580001", "x", null, null,
                "2025-12-06T14:00:00Z"))).isEqualTo("closed");      // Saturday 22:00 SGT
    }

    @Test
    void anUnknownScheduleIsRefusedWithASuggestion() {
        assertThatThrownBy(() -> compile("""
                defaultZone: Asia/Singapore
                schedules:
                  office: { hours: [ { days: MON-FRI, from: "09:00", to: "18:00" } ] }
                rules:
                  - { id: r, when: { schedule: ofice }, then: { steps: [ hangup ] } }
                """)).isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.ruleId()).isEqualTo("r");
                    assertThat(p.field()).isEqualTo("when.schedule");
                    assertThat(p.message()).contains("did you mean \"office\"");
                }));
    }

    @Test
    void rulesTestFactsThatPluginsContributeAndUnknownFactsAreRefused() {
        io.callroute.facts.FactCatalog catalog = new io.callroute.facts.FactCatalog() {
            @Override
            public java.util.Set<String> factNames() {
                return java.util.Set.of("lookup.tier", "holiday.today");
            }

            @Override
            public java.util.Map<String, String> factsFor(String namespace, io.callroute.plugin.CallContext call) {
                if (namespace.equals("lookup")) {
                    return call.source().equals("+6598765432") ? java.util.Map.of("tier", "gold") : java.util.Map.of();
                }
                return java.util.Map.of("today", "false");
            }
        };
        String yaml = """
                rules:
                  - { id: vip, priority: 3, when: { facts: { lookup.tier: [gold, platinum], holiday.today: false } }, then: { steps: [ hangup ] } }
                  - { id: unknown-caller, priority: 2, when: { facts: { lookup.tier: absent } }, then: { steps: [ hangup ] } }
                  - { id: others, priority: 1, then: { steps: [ hangup ] } }
                """;
        CompiledRules rules = new RuleCompiler(getClass().getClassLoader(), io.callroute.facts.MaskingLookup.NONE,
                catalog).compile(List.of(new RuleSetSource("plugins", yaml)), ACTIONS);
        String at = "2025-04-08T02:00:00Z";
        assertThat(winner(rules, call(CallStatus.CALL_RECEIVED, "+6598765432", "+6531580001", "x", null, null, at)))
                .isEqualTo("vip");
        assertThat(winner(rules, call(CallStatus.CALL_RECEIVED, "+6591112222", "+6531580001", "x", null, null, at)))
                .isEqualTo("unknown-caller");

        assertThatThrownBy(() -> compile(yaml)).isInstanceOfSatisfying(RuleCompilationException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.ruleId()).isEqualTo("vip");
                    assertThat(p.field()).isEqualTo("when.facts.lookup.tier");
                    assertThat(p.message()).contains("no enabled plugin provides this fact");
                }));
    }
}
