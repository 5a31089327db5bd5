package io.callroute.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callroute.actions.ActionRegistry;
import io.callroute.event.CallEvent;
import io.callroute.rules.ConditionCheck.Outcome;
import io.callroute.testing.Fixtures;
import io.callroute.webhook.CallEventReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The explanation's Java evaluation of conditions and Drools' decision must never disagree: for every CALL_ACTION
 * fixture at every hour of a week (and across a DST change), the rules the evaluator says match are exactly the
 * rules Drools fired, and the explanation's winner is Drools' winner.
 */
class ExplanationTest {

    private static final ActionRegistry ACTIONS = ActionRegistry.load(ExplanationTest.class.getClassLoader());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CallEventReader READER = new CallEventReader();

    private static CompiledRules examples() {
        return new RuleCompiler().compile(RuleFiles.read(Path.of(System.getProperty("callroute.rules.dir",
                "../rules"))), ACTIONS);
    }

    private static CompiledRules compile(String yaml) {
        return new RuleCompiler().compile(List.of(new RuleSetSource("test", yaml)), ACTIONS);
    }

    private static List<CallEvent> callActions() throws IOException {
        List<CallEvent> events = new java.util.ArrayList<>();
        for (Path file : Fixtures.jsonFiles(Fixtures.dir())) {
            JsonNode envelope = JSON.readTree(Fixtures.bytes(file));
            if ("CALL_ACTION".equals(envelope.path("eventType").asText())) {
                CallEvent event = READER.read(envelope.path("payload"));
                if (event.isClean()) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    private static CallEvent at(CallEvent event, Instant when, String clientActionId) {
        return new CallEvent(event.eventId(), event.callId(), event.sessionId(), event.subAccountId(),
                event.callStatus(), event.direction(), event.callType(), event.source(), event.destination(),
                event.sourceCountry(), event.destinationCountry(), event.sourceRefId(), event.destinationRefId(),
                event.callDuration(), event.sipCode(), event.dtmf(), event.asrCaptured(), when, clientActionId,
                event.problems());
    }

    @Test
    void theEvaluatorAgreesWithDroolsOnEveryFixtureAtEveryHourOfAWeek() throws IOException {
        CompiledRules rules = examples();
        List<CallEvent> events = callActions();
        assertThat(events).hasSizeGreaterThan(10);
        int decided = 0;
        Instant monday = Instant.parse("2026-03-23T00:00:00Z");   // the week London moves to summer time
        for (CallEvent fixture : events) {
            for (String menu : new String[] {fixture.clientActionId(), "main_menu", "gb_main", null}) {
                for (int hour = 0; hour < 7 * 24; hour++) {
                    CallEvent event = at(fixture, monday.plus(Duration.ofHours(hour)), menu);
                    Explanation explanation = rules.explain(event);
                    Set<String> evaluated = rules.rules().stream()
                            .filter(rule -> ConditionEvaluator.matches(rule.rule().when(), explanation.situation()))
                            .map(RankedRule::qualifiedName).collect(Collectors.toCollection(TreeSet::new));
                    Set<String> fired = rules.decide(event).map(d -> new TreeSet<>(d.matchedRules()))
                            .orElseGet(TreeSet::new);
                    assertThat(evaluated).as("%s at %s, menu %s", fixture.eventId(), event.timestamp(), menu)
                            .isEqualTo(fired);
                    Set<String> matchedCandidates = explanation.candidates().stream()
                            .filter(c -> c.outcome() == Outcome.MATCHED).map(RuleCheck::qualifiedName)
                            .collect(Collectors.toCollection(TreeSet::new));
                    assertThat(matchedCandidates).as("every matching rule is shown").isEqualTo(fired);
                    if (explanation.decision() != null) {
                        decided++;
                        String winner = explanation.decision().ruleSet() + "/" + explanation.decision().ruleId();
                        assertThat(explanation.candidates().stream().filter(RuleCheck::winner)
                                .map(RuleCheck::qualifiedName).toList()).containsExactly(winner);
                    }
                }
            }
        }
        assertThat(decided).as("the week exercises the rules, not only the fallback").isGreaterThan(1000);
    }

    @Test
    void aHalfHourZoneAndADstChangeAreExplainedWithTheLocalTimesUsed() {
        CompiledRules rules = compile("""
                ruleSet: holdout
                defaultZone: Asia/Kolkata
                defaults: { say: { voiceProfile: en-IN-Standard-A } }
                rules:
                  - id: india-open
                    priority: 20
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-in, time: { days: MON-FRI, from: "09:00", to: "18:00" } }
                    then: { steps: [ { say: { text: "Open" } } ] }
                  - id: london-night
                    priority: 20
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-gb, time: { zone: Europe/London, from: "00:00", to: "02:00" } }
                    then: { steps: [ { say: { text: "Night" } } ] }
                  - id: closed
                    priority: 10
                    when: { callStatus: CALL_RECEIVED }
                    then: { steps: [ { say: { text: "Closed" } } ] }
                """);
        CallEvent template = new CallEvent("e", "c", "s", "acct", io.callroute.event.CallStatus.CALL_RECEIVED,
                io.callroute.event.CallDirection.INBOUND, io.callroute.event.CallType.PSTN, "+919876543210",
                "+918041234567", "IN", "IN", null, "vn-in", 0, 200, null, null, Instant.parse(
                "2026-03-10T03:29:00Z"), null, List.of());
        Explanation early = rules.explain(template);
        assertThat(early.decision().ruleId()).isEqualTo("closed");
        ConditionCheck time = condition(early, "india-open", "time");
        assertThat(time.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(time.actual()).isEqualTo("Tue 2026-03-10 08:59 in Asia/Kolkata");
        Explanation open = rules.explain(at(template, Instant.parse("2026-03-10T03:30:00Z"), null));
        assertThat(open.decision().ruleId()).isEqualTo("india-open");
        assertThat(condition(open, "india-open", "time").actual()).isEqualTo("Tue 2026-03-10 09:00 in Asia/Kolkata");

        CallEvent london = new CallEvent("e", "c", "s", "acct", io.callroute.event.CallStatus.CALL_RECEIVED,
                io.callroute.event.CallDirection.INBOUND, io.callroute.event.CallType.PSTN, "+447700900123",
                "+442071234567", "GB", "GB", null, "vn-gb", 0, 200, null, null,
                Instant.parse("2026-03-29T00:59:00Z"), null, List.of());
        Explanation beforeChange = rules.explain(london);
        assertThat(beforeChange.decision().ruleId()).isEqualTo("london-night");
        assertThat(condition(beforeChange, "london-night", "time").actual())
                .isEqualTo("Sun 2026-03-29 00:59 in Europe/London");
        // One minute later the clocks have gone forward to 02:00: the night window is over.
        Explanation afterChange = rules.explain(at(london, Instant.parse("2026-03-29T01:00:00Z"), null));
        assertThat(afterChange.decision().ruleId()).isEqualTo("closed");
        ConditionCheck after = condition(afterChange, "london-night", "time");
        assertThat(after.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(after.actual()).isEqualTo("Sun 2026-03-29 02:00 in Europe/London");
        assertThat(after.expected()).isEqualTo("every day 00:00–02:00 in Europe/London");
    }

    @Test
    void numbersMaskedInTheCallLogGiveUnknownNotAGuess() {
        CompiledRules rules = compile("""
                ruleSet: vip
                defaultZone: Asia/Singapore
                defaults: { say: { voiceProfile: en-US-BenjaminRUS } }
                rules:
                  - id: vip-caller
                    priority: 30
                    when: { callStatus: CALL_RECEIVED, source: "+6591234532" }
                    then: { steps: [ { say: { text: "VIP" } } ] }
                  - id: singapore-callers
                    priority: 20
                    when: { callStatus: CALL_RECEIVED, source: "+65*" }
                    then: { steps: [ { say: { text: "SG" } } ] }
                  - id: us-callers
                    priority: 20
                    when: { callStatus: CALL_RECEIVED, source: "+1*" }
                    then: { steps: [ { say: { text: "US" } } ] }
                """);
        CallEvent logged = new CallEvent("e", "c", "s", "acct", io.callroute.event.CallStatus.CALL_RECEIVED,
                io.callroute.event.CallDirection.INBOUND, io.callroute.event.CallType.PSTN, "+659*****32",
                "+6531580001", "SG", "SG", null, null, 0, 200, null, null, Instant.parse("2026-03-10T03:30:00Z"),
                null, List.of());
        Explanation explanation = rules.explain(logged);
        assertThat(outcome(explanation, "vip-caller")).as("the hidden digits decide").isEqualTo(Outcome.UNKNOWN);
        assertThat(outcome(explanation, "singapore-callers")).as("+65 is visible").isEqualTo(Outcome.MATCHED);
        assertThat(outcome(explanation, "us-callers")).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aMaskingConditionOnACallWhoseNumbersTheLogMaskedIsUnknown() {
        // +6531580001 is a masking number; other numbers are not.
        io.callroute.facts.MaskingLookup lookup = (virtualNumber, caller, at) -> virtualNumber.equals("+6531580001")
                ? io.callroute.facts.MaskingMatch.NO_LIVE_SESSION : io.callroute.facts.MaskingMatch.NOT_MASKED;
        CompiledRules rules = new RuleCompiler(RuleCompiler.class.getClassLoader(), lookup,
                io.callroute.facts.FactCatalog.NONE).compile(List.of(new RuleSetSource("test", """
                ruleSet: masked
                defaultZone: Asia/Singapore
                defaults: { say: { voiceProfile: en-US-BenjaminRUS } }
                rules:
                  - id: bridge
                    priority: 20
                    when: { callStatus: CALL_RECEIVED, masking: live }
                    then: { steps: [ { say: { text: "Connecting" } } ] }
                  - id: ended
                    priority: 10
                    when: { callStatus: CALL_RECEIVED, masking: none }
                    then: { steps: [ { say: { text: "Booking over" } } ] }
                """)), ACTIONS);
        CallEvent logged = new CallEvent("e", "c", "s", "acct", io.callroute.event.CallStatus.CALL_RECEIVED,
                io.callroute.event.CallDirection.INBOUND, io.callroute.event.CallType.PSTN, "+659*****32",
                "+6531580001", "SG", "SG", null, null, 0, 200, null, null, Instant.parse("2026-03-10T03:30:00Z"),
                null, List.of());
        Explanation explanation = rules.explain(logged);
        assertThat(outcome(explanation, "bridge")).isEqualTo(Outcome.UNKNOWN);
        assertThat(outcome(explanation, "ended")).isEqualTo(Outcome.UNKNOWN);
        CallEvent otherNumber = new CallEvent("e", "c", "s", "acct", io.callroute.event.CallStatus.CALL_RECEIVED,
                io.callroute.event.CallDirection.INBOUND, io.callroute.event.CallType.PSTN, "+659*****32",
                "+6531589999", "SG", "SG", null, null, 0, 200, null, null, Instant.parse("2026-03-10T03:30:00Z"),
                null, List.of());
        assertThat(outcome(rules.explain(otherNumber), "bridge")).as("not a masking number: that much is known")
                .isEqualTo(Outcome.FAILED);
    }

    private static Outcome outcome(Explanation explanation, String ruleId) {
        return explanation.candidates().stream().filter(c -> c.ruleId().equals(ruleId)).findFirst().orElseThrow()
                .outcome();
    }

    private static ConditionCheck condition(Explanation explanation, String ruleId, String condition) {
        return explanation.candidates().stream().filter(c -> c.ruleId().equals(ruleId)).findFirst().orElseThrow()
                .conditions().stream().filter(c -> c.condition().equals(condition)).findFirst().orElseThrow();
    }
}
