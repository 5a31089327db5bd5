package io.callroute.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.publishing.Finding;
import io.callroute.publishing.PublishCheck;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of finding, from small rule sets written the way real ones are. */
class RuleSetAnalyzerTest {

    private static final String HEADER = """
            ruleSet: test
            defaultZone: Asia/Singapore
            defaults:
              say: { voiceProfile: en-US-BenjaminRUS }
              sayAndCapture: { voiceProfile: en-US-BenjaminRUS }
            rules:
            """;

    private static final String OFFICE = HEADER + """
              - id: open
                priority: 30
                when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1, time: { days: MON-FRI, from: "09:00", to: "18:00" } }
                then: { steps: [ { say: { text: "We are open." } }, hangup ] }
              - id: old-open
                description: the hours before the office moved; every minute of it is also "open".
                priority: 15
                when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1, time: { days: MON-FRI, from: "10:00", to: "12:00" } }
                then: { steps: [ { say: { text: "Old hours." } }, hangup ] }
              - id: closed
                priority: 10
                when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1, time: { days: MON-SAT, from: "00:00", to: "24:00" } }
                then: { steps: [ { say: { text: "We are closed." } }, hangup ] }
              - id: sunday
                priority: 10
                when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1, time: { days: SUN, from: "01:00", to: "24:00" } }
                then: { steps: [ { say: { text: "Closed on Sundays." } }, hangup ] }
            """;

    private static List<Finding> findings(String yaml, String code) {
        return Rules.analyse(Rules.compile(yaml)).findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    @Test
    void officeHoursThatLeaveSundayMidnightToOneUncoveredAreAGap() {
        List<Finding> gaps = findings(OFFICE, "gap");
        assertThat(gaps).hasSize(1);
        Finding gap = gaps.get(0);
        assertThat(gap.severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(gap.check()).isEqualTo("analysis");
        assertThat(gap.message()).isEqualTo("Calls to vn-1 get no answer from any rule on Sun 00:00–01:00"
                + " Asia/Singapore: the caller hears the fallback message.");
        assertThat(gap.details().path("ranges").get(0).asText()).isEqualTo("Sun 00:00–01:00");
        assertThat(gap.details().path("number").asText()).isEqualTo("vn-1");
    }

    @Test
    void aRuleThatAlwaysLosesIsShadowedAndTheWinnerIsNamed() {
        List<Finding> shadowed = findings(OFFICE, "shadowed");
        assertThat(shadowed).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(finding.ruleId()).isEqualTo("old-open");
            assertThat(finding.message()).contains("test/old-open can never answer a call")
                    .contains("test/open (priority 30) matches too and wins");
        });
    }

    @Test
    void aGapOnlySomeCallersFallIntoNamesThem() {
        String yaml = HEADER + """
                  - id: from-singapore
                    priority: 10
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1, sourceCountry: [SG, MY] }
                    then: { steps: [ hangup ] }
                """;
        assertThat(findings(yaml, "gap")).singleElement().satisfies(gap -> assertThat(gap.message())
                .isEqualTo("Calls to vn-1 (callers from countries other than SG, MY) get no answer from any rule at"
                        + " any time: the caller hears the fallback message."));
    }

    @Test
    void rulesOfEqualPriorityThatBothMatchOverlapAndTheFirstWrittenWins() {
        String yaml = HEADER + """
                  - id: welcome
                    priority: 10
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1 }
                    then: { steps: [ hangup ] }
                  - id: weekend
                    priority: 10
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1, time: { days: weekend } }
                    then: { steps: [ hangup ] }
                """;
        assertThat(findings(yaml, "overlap")).singleElement().satisfies(overlap -> {
            assertThat(overlap.ruleId()).isEqualTo("weekend");
            assertThat(overlap.message()).startsWith("Rules test/welcome and test/weekend have the same priority (10)"
                    + " and both answer calls to vn-1 (e.g. on Sat at 00:00 Asia/Singapore): test/welcome answers"
                    + " because it comes first.");
        });
        assertThat(findings(yaml, "gap")).isEmpty();
    }

    @Test
    void aMenuWithKeysButNoCatchAllReportsTheKeysNobodyHandles() {
        String yaml = HEADER + """
                  - id: welcome
                    priority: 10
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1 }
                    then:
                      menu: main
                      steps: [ { sayAndCapture: { promptMessage: "Press 1 or 2.", minDigits: 1, maxDigits: 1 } } ]
                  - id: one
                    priority: 30
                    when: { callStatus: ACTION_COMPLETED, virtualNumberRef: vn-1, menu: main, dtmf: ["1", "2"] }
                    then: { steps: [ hangup ] }
                  - id: timeout
                    priority: 20
                    when: { callStatus: ACTION_COMPLETED, virtualNumberRef: vn-1, menu: main, dtmf: none }
                    then: { steps: [ hangup ] }
                """;
        assertThat(findings(yaml, "unhandled_key")).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(finding.message()).startsWith("Menu main of vn-1 has no rule for keys 0, 3, 4, 5, 6, 7, 8, 9,"
                    + " *, #: callers who press one of them hear the fallback.");
            assertThat(finding.details().path("keys")).hasSize(10);
        });
        assertThat(findings(yaml, "gap")).as("no key pressed is handled").isEmpty();
        assertThat(findings(yaml.replace("dtmf: none", "dtmf: any"), "unhandled_key")).isEmpty();
    }

    @Test
    void aMenuNobodyAnswersInHasNoWayOut() {
        String yaml = HEADER + """
                  - id: welcome
                    priority: 10
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1 }
                    then:
                      menu: main
                      steps: [ { sayAndCapture: { promptMessage: "Press 1.", minDigits: 1, maxDigits: 1 } } ]
                """;
        assertThat(findings(yaml, "no_way_out")).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Finding.Severity.ERROR);
            assertThat(finding.ruleId()).isEqualTo("welcome");
            assertThat(finding.message()).isEqualTo("Rule test/welcome sends callers of vn-1 to menu main, but no"
                    + " rule answers in that menu: whatever the caller does next gets the fallback message.");
        });
    }

    @Test
    void aMenuThatOnlyLeadsBackToItselfHasNoWayOut() {
        String yaml = HEADER + """
                  - id: welcome
                    priority: 10
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1 }
                    then:
                      menu: main
                      steps: [ { sayAndCapture: { promptMessage: "Press 1.", minDigits: 1, maxDigits: 1 } } ]
                  - id: again
                    priority: 10
                    when: { callStatus: ACTION_COMPLETED, virtualNumberRef: vn-1, menu: main }
                    then:
                      menu: main
                      steps: [ { sayAndCapture: { promptMessage: "Press 1.", minDigits: 1, maxDigits: 1 } } ]
                """;
        assertThat(findings(yaml, "no_way_out")).singleElement().satisfies(finding -> assertThat(finding.message())
                .isEqualTo("Callers of vn-1 in menu main can never leave it: every answer there (test/again) leads to"
                        + " menu main again, and none ends the call, connects the caller or leaves the menu."));
        String withExit = yaml + """
                  - id: choice
                    priority: 20
                    when: { callStatus: ACTION_COMPLETED, virtualNumberRef: vn-1, menu: main, dtmf: "1" }
                    then: { steps: [ hangup ] }
                """;
        assertThat(findings(withExit, "no_way_out")).isEmpty();
    }

    @Test
    void aWindowStartingInTheHourLondonSkipsInMarchIsADstWarning() {
        String yaml = HEADER + """
                  - id: night-line
                    priority: 10
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1, time: { zone: Europe/London, days: SUN, from: "01:30", to: "06:00" } }
                    then: { steps: [ hangup ] }
                  - id: otherwise
                    priority: 5
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1 }
                    then: { steps: [ hangup ] }
                """;
        assertThat(findings(yaml, "dst")).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(finding.ruleId()).isEqualTo("night-line");
            assertThat(finding.message()).contains("starts at 01:30 Europe/London, a time that does not exist on Sun"
                    + " 2026-03-29 (clocks go forward from 01:00 to 02:00): that day it starts at 02:00 instead.");
        });
        assertThat(findings(yaml.replace("01:30", "02:30"), "dst")).as("02:30 exists in London").isEmpty();
    }

    @Test
    void holidaysAreAnalysedOnTheirOwnDates() {
        String yaml = HEADER + """
                schedules:
                  office:
                    zone: Asia/Singapore
                    hours: [ { days: MON-FRI, from: "09:00", to: "18:00" } ]
                    holidays: ["2026-12-25"]
                """.replace("rules:\n", "") + """
                rules:
                  - id: open
                    priority: 30
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1, schedule: office }
                    then: { steps: [ hangup ] }
                  - id: closed
                    priority: 10
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1, schedule: { name: office, is: closed } }
                    then: { steps: [ hangup ] }
                """;
        assertThat(findings(yaml, "gap")).singleElement().satisfies(gap -> assertThat(gap.message())
                .contains("on Fri 2026-12-25 00:00–24:00 Asia/Singapore"));
    }

    @Test
    void aRuleSetTooLargeToAnalyseSaysSoInsteadOfGuessing() {
        String countries = String.join(", ", java.util.Arrays.asList(java.util.Locale.getISOCountries())
                .subList(0, 45));
        String yaml = HEADER + """
                  - id: everyone
                    priority: 10
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1, sourceCountry: [LIST], destinationCountry: [LIST], subAccountId: [LIST], source: [P1, P2, P3] }
                    then: { steps: [ hangup ] }
                """.replace("LIST", countries).replace("P1", "\"+6511*\"").replace("P2", "\"+6522*\"").replace("P3", "\"+6533*\"");
        AnalysisReport report = Rules.analyse(Rules.compile(yaml));
        assertThat(report.findings()).extracting(Finding::code).containsExactly("incomplete");
        assertThat(report.entries()).singleElement().satisfies(entry -> assertThat(entry.complete()).isFalse());
    }

    @Test
    void asAPublishCheckGapsBlockAndWarningsDoNot() {
        PublishCheck check = new AnalysisCheck(new RuleSetAnalyzer(Rules.CLOCK), rules -> Map.of());
        List<Finding> found = check.check(Rules.compile(OFFICE));
        assertThat(check.name()).isEqualTo("analysis");
        assertThat(found).filteredOn(Finding::blocks).extracting(Finding::code).containsExactly("gap");
        assertThat(found).extracting(Finding::code).contains("shadowed");
    }
}
