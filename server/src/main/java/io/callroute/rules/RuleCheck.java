package io.callroute.rules;

import java.util.List;

/**
 * One rule weighed against one call: every condition with its outcome, and whether the rule matched and won.
 *
 * @param ruleSet    the rule's set
 * @param ruleId     the rule
 * @param priority   the rule's priority
 * @param rank       its place in the rule base (0 wins over all others)
 * @param outcome    all conditions together
 * @param winner     whether this rule decided the answer
 * @param conditions each condition, in the order the rule states them
 */
public record RuleCheck(String ruleSet, String ruleId, int priority, int rank, ConditionCheck.Outcome outcome,
                        boolean winner, List<ConditionCheck> conditions) {

    public RuleCheck {
        conditions = List.copyOf(conditions);
    }

    public String qualifiedName() {
        return ruleSet + "/" + ruleId;
    }
}
