package io.callroute.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleSetReaderTest {

    private final RuleSetReader reader = new RuleSetReader(Set.of("say", "hangup", "sayAndCapture", "makeCall"));

    private RuleSetReader.Result read(String yaml) {
        return reader.readYaml("file-name", yaml);
    }

    private static List<String> messages(RuleSetReader.Result result) {
        return result.problems().stream().map(RuleProblem::toString).toList();
    }

    @Test
    void readsConditionsWindowsAndSteps() {
        RuleSetReader.Result result = read("""
                ruleSet: office
                defaultZone: Asia/Singapore
                defaults:
                  say: { voiceProfile: en-GB-Emma }
                rules:
                  - id: open
                    priority: 7
                    when:
                      callStatus: call_received
                      destination: ["+6531580001", "+65*"]
                      dtmf: [ "1", "2#", none, any, { pattern: "[0-9]{4}" } ]
                      menu: none
                      time: { days: [MON-WED, fri], from: "09:00", to: "18:30" }
                    then:
                      menu: main_menu
                      steps:
                        - say: { text: Hello }
                        - hangup
                """);
        assertThat(result.problems()).isEmpty();
        RuleSetDefinition set = result.definition().orElseThrow();
        assertThat(set.name()).isEqualTo("office");
        RuleDefinition rule = set.rules().get(0);
        assertThat(rule.priority()).isEqualTo(7);
        assertThat(rule.nextMenu()).isEqualTo("main_menu");
        assertThat(rule.when().properties()).extracting(PropertyCondition::property)
                .containsExactly("callStatus", "destination", "menu", "dtmf");
        assertThat(rule.when().properties().get(0).alternatives()).containsExactly(Alternative.exact("CALL_RECEIVED"));
        assertThat(rule.when().properties().get(1).alternatives()).containsExactly(Alternative.exact("+6531580001"),
                new Alternative(Alternative.Kind.PREFIX, "+65"));
        assertThat(rule.when().properties().get(3).alternatives()).extracting(Alternative::kind).containsExactly(
                Alternative.Kind.EXACT, Alternative.Kind.EXACT, Alternative.Kind.ABSENT, Alternative.Kind.PRESENT,
                Alternative.Kind.PATTERN);
        assertThat(rule.when().properties().get(3).alternatives().get(1).value()).isEqualTo("2");
        TimeWindow window = rule.when().windows().get(0);
        assertThat(window.zoneKey()).isEqualTo("Asia/Singapore");
        assertThat(window.days()).containsExactlyInAnyOrder(1, 2, 3, 5);
        assertThat(window.from()).isEqualTo(9 * 60);
        assertThat(window.to()).isEqualTo(18 * 60 + 30);
        assertThat(rule.steps()).hasSize(2);
        assertThat(rule.steps().get(0).parameters()).containsEntry("voiceProfile", "en-GB-Emma")
                .containsEntry("text", "Hello");
        assertThat(rule.steps().get(1).providerId()).isEqualTo("hangup");
    }

    @Test
    void theRuleSetNameFallsBackToTheSourceName() {
        RuleSetReader.Result result = read("rules: [ { id: a, then: { steps: [ hangup ] } } ]");
        assertThat(result.definition().orElseThrow().name()).isEqualTo("file-name");
    }

    @Test
    void everyProblemNamesTheRuleAndTheField() {
        RuleSetReader.Result result = read("""
                ruleSet: broken
                defaultZone: Asia/Singapore
                rules:
                  - id: late-night
                    when:
                      time: { from: "25:00", to: "06:00", days: [Funday] }
                      sourceCountry: Singapore
                      destination: "12ab"
                      dtmf: { pattern: "[0-9" }
                      calStatus: CALL_RECEIVED
                    then:
                      steps: []
                  - id: late-night
                    then: { steps: [ hangup ] }
                """);
        assertThat(result.definition()).isEmpty();
        assertThat(messages(result)).anySatisfy(m -> assertThat(m)
                        .contains("rule \"late-night\"", "when.time.from", "25:00"))
                .anySatisfy(m -> assertThat(m).contains("when.time.days", "Funday"))
                .anySatisfy(m -> assertThat(m).contains("when.sourceCountry", "ISO"))
                .anySatisfy(m -> assertThat(m).contains("when.destination", "E.164"))
                .anySatisfy(m -> assertThat(m).contains("when.dtmf.pattern"))
                .anySatisfy(m -> assertThat(m).contains("when.calStatus", "did you mean \"callStatus\""))
                .anySatisfy(m -> assertThat(m).contains("then.steps", "at least one step"))
                .anySatisfy(m -> assertThat(m).contains("id", "unique"));
    }

    @Test
    void unquotedTimesAreExplainedNotMisread() {
        RuleSetReader.Result result = read("""
                defaultZone: Europe/London
                rules:
                  - id: r
                    when: { time: { from: 9, to: "17:00" } }
                    then: { steps: [ hangup ] }
                """);
        assertThat(messages(result)).singleElement().asString().contains("when.time.from", "in quotes");
    }

    @Test
    void aTimeWindowNeedsAZone() {
        RuleSetReader.Result result = read("""
                rules:
                  - id: r
                    when: { time: { from: "09:00", to: "17:00" } }
                    then: { steps: [ hangup ] }
                """);
        assertThat(messages(result)).singleElement().asString().contains("when.time.zone", "defaultZone");
    }

    @Test
    void zonesMustBeIanaRegionsBecauseFixedOffsetsIgnoreDaylightSavingTime() {
        RuleSetReader.Result result = read("""
                defaultZone: "+08:00"
                rules: [ { id: r, then: { steps: [ hangup ] } } ]
                """);
        assertThat(messages(result)).singleElement().asString().contains("defaultZone", "IANA");
    }

    @Test
    void dayRangesMayWrapOverTheWeekendAndWindowsMayCrossMidnight() {
        RuleSetReader.Result result = read("""
                defaultZone: Asia/Singapore
                rules:
                  - id: night
                    when: { time: { days: FRI-MON, from: "22:00", to: "06:00" } }
                    then: { steps: [ hangup ] }
                """);
        TimeWindow window = result.definition().orElseThrow().rules().get(0).when().windows().get(0);
        assertThat(window.days()).containsExactlyInAnyOrder(5, 6, 7, 1);
        assertThat(window.crossesMidnight()).isTrue();
    }

    @Test
    void invalidYamlSaysWhere() {
        RuleSetReader.Result result = read("rules:\n  - id: a\n    then: { steps: [ hangup ]\n");
        assertThat(messages(result)).singleElement().asString().contains("not valid YAML", "line");
    }

    @Test
    void unknownActionsInDefaultsAreReportedWithASuggestion() {
        RuleSetReader.Result result = read("""
                defaults: { sai: { voiceProfile: x } }
                rules: [ { id: r, then: { steps: [ hangup ] } } ]
                """);
        assertThat(messages(result)).singleElement().asString().contains("defaults.sai", "did you mean \"say\"");
    }

    @Test
    void disabledRulesAreValidatedButLeftOut() {
        RuleSetReader.Result result = read("""
                rules:
                  - { id: paused, enabled: false, then: { steps: [ hangup ] } }
                  - { id: active, then: { steps: [ hangup ] } }
                """);
        assertThat(result.definition().orElseThrow().rules()).extracting(RuleDefinition::id).containsExactly("active");
    }
}
