package io.callroute.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.facts.Schedule.Hours;
import io.callroute.facts.Schedule.State;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Set<Integer> WEEKDAYS = Set.of(1, 2, 3, 4, 5);

    private final Schedule office = new Schedule("office", "Asia/Singapore",
            List.of(new Hours(WEEKDAYS, 9 * 60, 18 * 60)),
            Set.of(LocalDate.parse("2025-12-25")), Set.of(LocalDate.parse("2025-11-28")),
            Map.of(LocalDate.parse("2025-12-24"), List.of(new Hours(Set.of(), 9 * 60, 13 * 60))));

    private static LocalDateTime at(String local) {
        return LocalDateTime.parse(local);
    }

    @Test
    void weeklyHoursWithInclusiveStartAndExclusiveEnd() {
        assertThat(office.stateAt(at("2025-12-02T09:00"))).isEqualTo(State.OPEN);      // Tuesday
        assertThat(office.stateAt(at("2025-12-02T17:59"))).isEqualTo(State.OPEN);
        assertThat(office.stateAt(at("2025-12-02T18:00"))).isEqualTo(State.CLOSED);
        assertThat(office.stateAt(at("2025-12-02T08:59"))).isEqualTo(State.CLOSED);
        assertThat(office.stateAt(at("2025-12-06T10:00"))).isEqualTo(State.CLOSED);    // Saturday
    }

    @Test
    void holidaysClosuresAndSpecialHoursOverrideTheWeek() {
        assertThat(office.stateAt(at("2025-12-25T10:00"))).isEqualTo(State.HOLIDAY);   // Thursday, holiday
        assertThat(office.stateAt(at("2025-11-28T10:00"))).isEqualTo(State.CLOSED);    // Friday, closure
        assertThat(office.stateAt(at("2025-12-24T12:59"))).isEqualTo(State.OPEN);      // Wednesday, half day
        assertThat(office.stateAt(at("2025-12-24T13:00"))).isEqualTo(State.CLOSED);
    }

    @Test
    void nightHoursRunPastMidnightButNotOutOfAHoliday() {
        Schedule nightDesk = new Schedule("night", "Europe/London",
                List.of(new Hours(Set.of(5), 22 * 60, 6 * 60)),                         // Friday 22:00 - 06:00
                Set.of(LocalDate.parse("2025-12-26")), Set.of(), Map.of());
        assertThat(nightDesk.stateAt(at("2025-12-05T23:00"))).isEqualTo(State.OPEN);   // Friday night
        assertThat(nightDesk.stateAt(at("2025-12-06T05:59"))).isEqualTo(State.OPEN);   // Saturday early
        assertThat(nightDesk.stateAt(at("2025-12-06T06:00"))).isEqualTo(State.CLOSED);
        assertThat(nightDesk.stateAt(at("2025-12-05T05:00"))).isEqualTo(State.CLOSED); // Friday early
        assertThat(nightDesk.stateAt(at("2025-12-27T02:00"))).isEqualTo(State.CLOSED); // after a holiday Friday
    }
}
