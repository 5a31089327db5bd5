package io.callroute.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.actions.StepTemplate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrlWriterTest {

    private static RankedRule rule(int rank, List<PropertyCondition> conditions, List<TimeWindow> windows) {
        return new RankedRule(rank, "set", new RuleDefinition("r" + rank, "line one\nline two", 5,
                new Conditions(conditions, windows, List.of(), null, List.of()), null,
                List.of(new StepTemplate("hangup", Map.of()))), null);
    }

    @Test
    void writesOneRuleWithConstraintsAndTheRankAsItsConsequence() {
        PropertyCondition destination = new PropertyCondition("destination", List.of(
                Alternative.exact("+6531580001"), Alternative.exact("+6531580002"),
                new Alternative(Alternative.Kind.PREFIX, "+44")));
        PropertyCondition menu = new PropertyCondition("menu", List.of(new Alternative(Alternative.Kind.ABSENT, null)));
        String drl = DrlWriter.write(List.of(rule(0, List.of(destination, menu), List.of()))).drl();
        assertThat(drl).contains("global io.callroute.rules.MatchCollector matches;")
                .contains("rule \"set/r0\"\n    salience 5\n")
                .contains("CallFacts((destination in (\"+6531580001\", \"+6531580002\") || destination != null && "
                        + "destination.startsWith(\"+44\")), menu == null)")
                .contains("matches.add(0);")
                .contains("// set: line one line two\n");
    }

    @Test
    void aWindowCrossingMidnightChecksThePreviousDayInTheMorning() {
        TimeWindow night = new TimeWindow("Asia/Singapore", Set.of(5), 22 * 60, 6 * 60, Set.of());
        String drl = DrlWriter.write(List.of(rule(0, List.of(), List.of(night)))).drl();
        assertThat(drl).contains("LocalClock(zone == \"Asia/Singapore\", (dayOfWeek in (5) && minuteOfDay >= 1320 "
                + "|| previousDayOfWeek in (5) && minuteOfDay < 360))");
    }

    @Test
    void aWholeDayWindowOnlyConstrainsTheDays() {
        TimeWindow weekend = new TimeWindow("caller", Set.of(6, 7), 0, 24 * 60, Set.of("2026-12-25"));
        String drl = DrlWriter.write(List.of(rule(0, List.of(), List.of(weekend)))).drl();
        assertThat(drl).contains("LocalClock(zone == \"caller\", date in (\"2026-12-25\"), dayOfWeek in (6, 7))");
    }

    @Test
    void literalsAreEscaped() {
        assertThat(DrlWriter.literal("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
    }

    @Test
    void startLinesPointAtEachRule() {
        DrlWriter.Output output = DrlWriter.write(List.of(rule(0, List.of(), List.of()), rule(1, List.of(),
                List.of())));
        String[] lines = output.drl().split("\n", -1);
        assertThat(lines[output.startLines()[0] - 1]).startsWith("// set");
        assertThat(lines[output.startLines()[1]]).isEqualTo("rule \"set/r1\"");
    }
}
