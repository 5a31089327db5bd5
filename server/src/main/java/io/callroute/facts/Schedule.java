package io.callroute.facts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named, reusable business calendar: weekly opening hours, holidays, closures and special hours on given dates,
 * all in one zone. Rules ask whether it is {@link State#OPEN open}, {@link State#CLOSED closed} or a
 * {@link State#HOLIDAY holiday} at the moment of the call, instead of repeating hours in every rule.
 *
 * @param name         unique name rules refer to
 * @param zoneKey      an IANA zone, {@code caller} or {@code callee}
 * @param hours        weekly opening hours
 * @param holidays     dates on which the schedule is a holiday (closed all day)
 * @param closures     other dates closed all day (e.g. a stock-take)
 * @param specialHours dates with their own opening hours instead of the weekly ones (e.g. Christmas Eve morning)
 */
public record Schedule(String name, String zoneKey, List<Hours> hours, Set<LocalDate> holidays,
                       Set<LocalDate> closures, Map<LocalDate, List<Hours>> specialHours) {

    /** What a schedule says about a moment. */
    public enum State { OPEN, CLOSED, HOLIDAY }

    /**
     * Opening hours: {@code from} inclusive, {@code to} exclusive, in minutes of the day. Hours whose {@code to} is
     * not after {@code from} run past midnight into the next day.
     *
     * @param days ISO day numbers (1 = Monday); ignored for special hours, which apply to their date
     */
    public record Hours(Set<Integer> days, int from, int to) {

        public Hours {
            days = Set.copyOf(days);
        }

        boolean crossesMidnight() {
            return to <= from;
        }
    }

    public Schedule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zoneKey, "zoneKey");
        hours = List.copyOf(hours);
        holidays = Set.copyOf(holidays);
        closures = Set.copyOf(closures);
        specialHours = Map.copyOf(specialHours);
    }

    /** The state at a local date and time in the schedule's zone. Special hours beat holidays and closures. */
    public State stateAt(LocalDateTime local) {
        LocalDate date = local.toLocalDate();
        int minute = local.getHour() * 60 + local.getMinute();
        List<Hours> special = specialHours.get(date);
        if (special != null) {
            return special.stream().anyMatch(h -> minute >= h.from() && (minute < h.to() || h.crossesMidnight()))
                    ? State.OPEN : State.CLOSED;
        }
        if (holidays.contains(date)) {
            return State.HOLIDAY;
        }
        if (closures.contains(date)) {
            return State.CLOSED;
        }
        int day = local.getDayOfWeek().getValue();
        int previousDay = local.getDayOfWeek().minus(1).getValue();
        for (Hours h : hours) {
            if (h.crossesMidnight()) {
                if (h.days().contains(day) && minute >= h.from()
                        || h.days().contains(previousDay) && minute < h.to() && isOrdinaryDay(date.minusDays(1))) {
                    return State.OPEN;
                }
            } else if (h.days().contains(day) && minute >= h.from() && minute < h.to()) {
                return State.OPEN;
            }
        }
        return State.CLOSED;
    }

    /** Whether the night that started on {@code date} follows the weekly hours (not a holiday or special date). */
    private boolean isOrdinaryDay(LocalDate date) {
        return !holidays.contains(date) && !closures.contains(date) && !specialHours.containsKey(date);
    }
}
