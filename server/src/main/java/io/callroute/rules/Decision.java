package io.callroute.rules;

import io.callroute.actions.Callflow;
import java.util.List;

/** STUB */
public record Decision(String ruleSet, String ruleId, Callflow callflow, List<String> matchedRules) {
}
