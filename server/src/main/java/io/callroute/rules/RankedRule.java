package io.callroute.rules;

import io.callroute.actions.PreparedSteps;

/**
 * A rule with its place in the whole published rule base: {@code rank} 0 wins over every other rule (highest
 * priority; on equal priority, the rule set loaded first and then the rule written first), and its steps prepared
 * once so that answering a call does no parsing.
 */
public record RankedRule(int rank, String ruleSet, RuleDefinition rule, PreparedSteps steps) {

    /** The DRL rule name, unique across the rule base. */
    public String qualifiedName() {
        return ruleSet + "/" + rule.id();
    }
}
