package io.callroute.rules;

import java.util.List;

/**
 * Why one call event got its answer from one rule base: the facts the rules saw, the candidate rules with each
 * condition's outcome, and the decision (or why there was none).
 *
 * @param version        the version of the rules (0 for rules that were not published, such as drafts)
 * @param situation      the facts: call properties, local clocks per zone, schedule states, masking, plugin facts
 * @param candidates     the rules that could apply to this call (its number and stage of the call), best rank first
 * @param decision       what the rules answer; null when none matched or the winner's steps could not be built
 * @param fallbackReason why the fallback callflow would be answered; null when a rule decided
 */
public record Explanation(int version, Situation situation, List<RuleCheck> candidates, Decision decision,
                          String fallbackReason) {

    public Explanation {
        candidates = List.copyOf(candidates);
    }
}
