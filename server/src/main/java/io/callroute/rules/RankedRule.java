package io.callroute.rules;

/**
 * A rule with its place in the whole published rule base: {@code rank} 0 wins over every other rule (highest
 * priority; on equal priority, the rule set loaded first and then the rule written first).
 */
record RankedRule(int rank, String ruleSet, RuleDefinition rule) {

    /** The DRL rule name, unique across the rule base. */
    String qualifiedName() {
        return ruleSet + "/" + rule.id();
    }
}
