package io.callroute.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The week grid: 15-minute slots in local time, half-hour zones and DST days with 92 or 100 slots. */
class RoutingCalendarTest {

    private static final String LONDON_NIGHT = """
            ruleSet: night
            defaultZone: Europe/London
            defaults:
              say: { voiceProfile: en-GB-Emma }
            rules:
              - id: night
                priority: 20
                when: { callStatus: CALL_RECEIVED, virtualNumberRef: GB-1, time: { from: "01:00", to: "02:00" } }
                then: { steps: [ hangup ] }
              - id: otherwise
                priority: 5
                when: { callStatus: CALL_RECEIVED, virtualNumberRef: GB-1 }
                then: { steps: [ hangup ] }
            """;

    private static JsonNode grid(EntryPlanner planner, Entry entry, ZoneId zone, LocalDate monday) {
        return RoutingCalendar.build(planner.plan(entry, zone), monday);
    }

    private static JsonNode slot(JsonNode day, String start) {
        for (JsonNode slot : day.path("slots")) {
            if (slot.path("start").asText().equals(start)) {
                return slot;
            }
        }
        throw new AssertionError("no slot " + start + " on " + day.path("date"));
    }

    @Test
    void theIndianNumberOpensAtHalfPastNineKolkataTime() {
        EntryPlanner planner = new EntryPlanner(Rules.examples(), Rules.CLOCK, Map.of());
        Entry entry = new Entry("virtualNumberRef", "blr-vn-07", null);
        assertThat(planner.zone(entry)).isEqualTo(ZoneId.of("Asia/Kolkata"));
        JsonNode grid = grid(planner, entry, planner.zone(entry), LocalDate.of(2026, 3, 23));
        assertThat(grid.path("week").asText()).isEqualTo("2026-W13");
        assertThat(grid.path("days")).hasSize(7);
        JsonNode monday = grid.path("days").get(0);
        assertThat(monday.path("slots")).hasSize(96);
        assertThat(slot(monday, "09:15").path("rule").asText()).isEqualTo("inbound-ivr/in-closed");
        assertThat(slot(monday, "09:30").path("rule").asText()).isEqualTo("inbound-ivr/in-open");
        assertThat(slot(monday, "09:30").path("utc").asText()).isEqualTo("2026-03-23T04:00:00Z");
        assertThat(slot(monday, "09:30").path("offset").asText()).isEqualTo("+05:30");
        JsonNode saturday = grid.path("days").get(5);
        assertThat(slot(saturday, "18:15").path("rule").asText()).isEqualTo("inbound-ivr/in-open");
        assertThat(slot(saturday, "18:30").path("rule").asText()).isEqualTo("inbound-ivr/in-closed");
        JsonNode sunday = grid.path("days").get(6);
        assertThat(slot(sunday, "12:00").path("rule").asText()).isEqualTo("inbound-ivr/in-closed");
    }

    @Test
    void theDayLondonSpringsForwardHas92SlotsAndSaysWhichTimesItSkips() {
        EntryPlanner planner = new EntryPlanner(Rules.compile(LONDON_NIGHT), Rules.CLOCK, Map.of());
        Entry entry = new Entry("virtualNumberRef", "GB-1", null);
        JsonNode sunday = grid(planner, entry, ZoneId.of("Europe/London"), LocalDate.of(2026, 3, 23))
                .path("days").get(6);
        assertThat(sunday.path("date").asText()).isEqualTo("2026-03-29");
        assertThat(sunday.path("minutes").asInt()).isEqualTo(23 * 60);
        assertThat(sunday.path("slots")).hasSize(92);
        assertThat(texts(sunday.path("skipped"))).containsExactly("01:00", "01:15", "01:30", "01:45");
        assertThat(sunday.path("slots").get(3).path("start").asText()).isEqualTo("00:45");
        assertThat(sunday.path("slots").get(4).path("start").asText()).isEqualTo("02:00");
        assertThat(sunday.path("slots").get(4).path("rule").asText()).isEqualTo("night/otherwise");
        JsonNode saturday = grid(planner, entry, ZoneId.of("Europe/London"), LocalDate.of(2026, 3, 23))
                .path("days").get(5);
        assertThat(slot(saturday, "01:30").path("rule").asText()).isEqualTo("night/night");
    }

    @Test
    void theDayLondonFallsBackHas100SlotsAndMarksTheRepeatedHour() {
        EntryPlanner planner = new EntryPlanner(Rules.compile(LONDON_NIGHT), Rules.CLOCK, Map.of());
        Entry entry = new Entry("virtualNumberRef", "GB-1", null);
        JsonNode sunday = grid(planner, entry, ZoneId.of("Europe/London"), LocalDate.of(2026, 10, 19))
                .path("days").get(6);
        assertThat(sunday.path("date").asText()).isEqualTo("2026-10-25");
        assertThat(sunday.path("slots")).hasSize(100);
        assertThat(sunday.path("skipped")).isEmpty();
        JsonNode first = sunday.path("slots").get(4);
        JsonNode again = sunday.path("slots").get(8);
        assertThat(first.path("start").asText()).isEqualTo("01:00");
        assertThat(first.path("offset").asText()).isEqualTo("+01:00");
        assertThat(first.has("repeated")).isFalse();
        assertThat(again.path("start").asText()).isEqualTo("01:00");
        assertThat(again.path("offset").asText()).isEqualTo("Z");
        assertThat(again.path("repeated").asBoolean()).isTrue();
        assertThat(again.path("rule").asText()).as("the repeated hour is night time too").isEqualTo("night/night");
    }

    @Test
    void aSlotNoRuleAnswersIsNullAndSlotsWhereOtherCallersGetAnotherAnswerSaySo() {
        String yaml = """
                ruleSet: test
                defaultZone: Asia/Singapore
                rules:
                  - id: weekdays
                    priority: 10
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1, time: { days: weekdays } }
                    then: { steps: [ hangup ] }
                  - id: vip
                    priority: 20
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: vn-1, sourceCountry: GB }
                    then: { steps: [ hangup ] }
                """;
        EntryPlanner planner = new EntryPlanner(Rules.compile(yaml), Rules.CLOCK, Map.of());
        Entry entry = new Entry("virtualNumberRef", "vn-1", null);
        JsonNode days = grid(planner, entry, planner.zone(entry), LocalDate.of(2026, 3, 23)).path("days");
        assertThat(slot(days.get(0), "10:00").path("rule").asText()).isEqualTo("test/weekdays");
        assertThat(slot(days.get(0), "10:00").path("varies").asBoolean()).isTrue();
        assertThat(slot(days.get(6), "10:00").path("rule").isNull()).isTrue();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
