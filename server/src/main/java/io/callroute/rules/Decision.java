package io.callroute.rules;

import io.callroute.actions.Callflow;
import java.util.List;

/**
 * What the rules decided for one event.
 *
 * @param ruleSet      the winning rule's set
 * @param ruleId       the winning rule
 * @param callflow     the answer, valid against 8x8's limits
 * @param matchedRules   every rule that matched ({@code set/id}), the winner first — why this answer
 * @param maskingSession the caller's live number-masking session, when there was one (linked in the call log)
 */
public record Decision(String ruleSet, String ruleId, Callflow callflow, List<String> matchedRules,
                       String maskingSession) {

    public Decision {
        matchedRules = List.copyOf(matchedRules);
    }
}
