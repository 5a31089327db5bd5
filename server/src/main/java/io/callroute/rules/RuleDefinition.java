package io.callroute.rules;

import io.callroute.actions.StepTemplate;
import java.util.List;

/**
 * One business rule, validated: when the call matches every condition (and one of the time windows, if any), the
 * rule's steps answer it and the call moves to {@code nextMenu}.
 *
 * @param id          unique within its rule set
 * @param description for people
 * @param priority    higher wins when several rules match; ties go to the rule written first
 * @param when        what the call must be like
 * @param nextMenu    the menu state the answer sets (8x8 echoes it back), or null to end the menu
 * @param steps       the callflow steps, set defaults applied
 */
public record RuleDefinition(String id, String description, int priority, Conditions when, String nextMenu,
                             List<StepTemplate> steps) {

    public RuleDefinition {
        steps = List.copyOf(steps);
    }
}
