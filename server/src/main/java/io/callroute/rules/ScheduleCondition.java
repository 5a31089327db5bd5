package io.callroute.rules;

import java.util.Set;

/**
 * A rule's condition on a named schedule, e.g. "office is CLOSED or HOLIDAY".
 *
 * @param schedule the schedule's name
 * @param states   any of these ({@code OPEN}, {@code CLOSED}, {@code HOLIDAY})
 */
public record ScheduleCondition(String schedule, Set<String> states) {

    public ScheduleCondition {
        states = Set.copyOf(states);
    }
}
