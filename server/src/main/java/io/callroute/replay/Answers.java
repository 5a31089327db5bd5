package io.callroute.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.actions.Callflow;
import io.callroute.actions.CallflowJson;
import io.callroute.event.CallEvent;
import io.callroute.http.ApiJson;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.ConditionCheck;
import io.callroute.rules.Explanation;
import io.callroute.rules.MenuToken;
import io.callroute.rules.RuleCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * Asks compiled rules for their answer to an event, off the call path, the way the webhook would answer it: an event
 * with unusable values gets the fallback whatever the rules say, no match gets the fallback. Time conditions use the
 * event's own timestamp, so the same event gets the same answer from the same rules on any day.
 */
public final class Answers {

    private Answers() {
    }

    public static RuleAnswer of(CompiledRules rules, CallEvent event) {
        if (!event.isClean()) {
            return RuleAnswer.fallback("the event has unusable values: " + event.problems().stream()
                    .map(Object::toString).collect(Collectors.joining("; ")), null);
        }
        Explanation explanation = rules.explain(event);
        String undetermined = undetermined(explanation);
        if (explanation.decision() == null) {
            return RuleAnswer.fallback(explanation.fallbackReason(), undetermined);
        }
        return new RuleAnswer(explanation.decision().ruleSet() + "/" + explanation.decision().ruleId(),
                comparable(explanation.decision().callflow()), null, undetermined);
    }

    /** The callflow JSON as 8x8 receives it, with the menu in clientActionId but not the version that answered. */
    public static JsonNode comparable(Callflow callflow) {
        Callflow unversioned = new Callflow(MenuToken.parse(callflow.clientActionId()).menu(), callflow.actions());
        try {
            return ApiJson.MAPPER.readTree(CallflowJson.toBytes(unversioned));
        } catch (IOException e) {
            throw new UncheckedIOException("our own callflow JSON could not be read back", e);
        }
    }

    /**
     * Why the answer depends on something the event does not show: a rule ranked at or above the one that answered
     * (any rule, when none did) whose outcome is unknown, e.g. a number pattern against a masked number. Rules
     * below the winner cannot change the answer whatever their outcome.
     */
    static String undetermined(Explanation explanation) {
        int winnerRank = explanation.candidates().stream().filter(RuleCheck::winner).mapToInt(RuleCheck::rank)
                .findFirst().orElse(Integer.MAX_VALUE);
        return explanation.candidates().stream()
                .filter(check -> check.rank() <= winnerRank && check.outcome() == ConditionCheck.Outcome.UNKNOWN)
                .findFirst()
                .map(check -> "rule " + check.qualifiedName() + " may or may not match: " + check.conditions().stream()
                        .filter(condition -> condition.outcome() == ConditionCheck.Outcome.UNKNOWN)
                        .map(condition -> condition.condition() + " " + condition.expected() + " (the call has "
                                + condition.actual() + ")")
                        .collect(Collectors.joining(", ")))
                .orElse(null);
    }
}
