package io.callroute.rules;

import java.util.List;

/**
 * Everything a rule's {@code when} asks of a call; all of it must hold.
 *
 * @param properties conditions on the call's properties
 * @param windows    local-time windows, any may hold; empty for "always"
 * @param schedules  conditions on named schedules
 * @param masking    the condition on the caller's number-masking session, or null for none
 * @param facts      conditions on facts contributed by plugins
 */
public record Conditions(List<PropertyCondition> properties, List<TimeWindow> windows, List<ScheduleCondition> schedules,
                  MaskingCondition masking, List<FactCondition> facts) {

    public static final Conditions ALWAYS = new Conditions(List.of(), List.of(), List.of(), null, List.of());

    public Conditions {
        properties = List.copyOf(properties);
        windows = List.copyOf(windows);
        schedules = List.copyOf(schedules);
        facts = List.copyOf(facts);
    }
}
