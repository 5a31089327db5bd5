package io.callroute.rules;

import io.callroute.rules.ConditionCheck.Outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Chooses which rules an explanation shows. A rule base may hold thousands of rules; the ones worth reading are those
 * for this call's number and stage (their conditions on the number, call status and menu hold), plus every rule
 * that matched. When no rule is about this number at all, the few that came closest are shown instead, so the
 * answer to "why the fallback?" is never an empty list.
 */
final class CandidateRules {

    /** Conditions that say which number and which stage of the call a rule is for. */
    private static final Set<String> SCOPE = Set.of("virtualNumberRef", "virtualNumber", "destination",
            "callStatus", "menu");
    private static final int CLOSEST_SHOWN = 10;
    private static final int MOST_SHOWN = 200;

    private CandidateRules() {
    }

    static List<RuleCheck> weigh(List<RankedRule> rules, Situation situation, String winner) {
        List<RuleCheck> inScope = new ArrayList<>();
        List<RuleCheck> others = new ArrayList<>();
        for (RankedRule rule : rules) {
            List<ConditionCheck> checks = ConditionEvaluator.check(rule.rule().when(), situation);
            RuleCheck check = new RuleCheck(rule.ruleSet(), rule.rule().id(), rule.rule().priority(), rule.rank(),
                    Outcome.all(checks), rule.qualifiedName().equals(winner), checks);
            boolean scopeHolds = checks.stream().noneMatch(c -> SCOPE.contains(c.condition())
                    && c.outcome() == Outcome.FAILED);
            if (scopeHolds || check.outcome() != Outcome.FAILED) {
                if (inScope.size() < MOST_SHOWN) {
                    inScope.add(check);
                }
            } else {
                others.add(check);
            }
        }
        if (!inScope.isEmpty()) {
            return inScope;
        }
        others.sort(Comparator.comparingLong(CandidateRules::failures).thenComparingInt(RuleCheck::rank));
        return others.subList(0, Math.min(CLOSEST_SHOWN, others.size()));
    }

    private static long failures(RuleCheck check) {
        return check.conditions().stream().filter(c -> c.outcome() == Outcome.FAILED).count();
    }
}
