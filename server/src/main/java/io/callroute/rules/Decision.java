package io.callroute.rules;

import io.callroute.actions.Callflow;
import java.util.List;

/**
 * What the rules decided for one event.
 *
 * @param ruleSet      the winning rule's set
 * @param ruleId       the winning rule
 * @param callflow     the answer, valid against 8x8's limits
 * @param matchedRules every rule that matched ({@code set/id}), the winner first — why this answer
 */
public record Decision(String ruleSet, String ruleId, Callflow callflow, List<String> matchedRules) {

    public Decision {
        matchedRules = List.copyOf(matchedRules);
    }
}
