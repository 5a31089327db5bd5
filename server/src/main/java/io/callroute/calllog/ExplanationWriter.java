package io.callroute.calllog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.actions.CallflowJson;
import io.callroute.facts.LocalClock;
import io.callroute.http.ApiJson;
import io.callroute.rules.ConditionCheck;
import io.callroute.rules.Decision;
import io.callroute.rules.Explanation;
import io.callroute.rules.RuleCheck;
import io.callroute.rules.Situation;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * An {@link Explanation} as JSON: the situation, every candidate rule with its conditions, the decision and the
 * fallback reason. A stand-in until the simulator's shared {@code simulate.ExplanationJson} is merged; the call log
 * should then use that one so both routes answer alike.
 */
final class ExplanationWriter {

    private ExplanationWriter() {
    }

    static ObjectNode write(Explanation explanation) {
        ObjectNode json = ApiJson.MAPPER.createObjectNode();
        json.put("version", explanation.version());
        json.set("situation", situation(explanation.situation()));
        ArrayNode candidates = json.putArray("candidates");
        for (RuleCheck check : explanation.candidates()) {
            ObjectNode candidate = candidates.addObject();
            candidate.put("rule", check.qualifiedName());
            candidate.put("priority", check.priority());
            candidate.put("rank", check.rank());
            candidate.put("outcome", check.outcome().name());
            candidate.put("winner", check.winner());
            ArrayNode conditions = candidate.putArray("conditions");
            for (ConditionCheck condition : check.conditions()) {
                conditions.addObject().put("condition", condition.condition())
                        .put("expected", condition.expected()).put("actual", condition.actual())
                        .put("outcome", condition.outcome().name());
            }
        }
        Decision decision = explanation.decision();
        if (decision == null) {
            json.putNull("decision");
        } else {
            ObjectNode decided = json.putObject("decision");
            decided.put("rule", decision.ruleSet() + "/" + decision.ruleId());
            decision.matchedRules().forEach(decided.putArray("matchedRules")::add);
            decided.put("clientActionId", decision.callflow().clientActionId());
            try {
                decided.set("callflow", ApiJson.MAPPER.readTree(CallflowJson.toJson(decision.callflow())));
            } catch (IOException e) {
                decided.put("callflow", CallflowJson.toJson(decision.callflow()));
            }
        }
        json.put("fallbackReason", explanation.fallbackReason());
        return json;
    }

    private static ObjectNode situation(Situation situation) {
        ObjectNode json = ApiJson.MAPPER.createObjectNode();
        ObjectNode properties = json.putObject("properties");
        new TreeMap<>(situation.properties()).forEach((name, value) -> {
            if (value != null) {
                properties.put(name, value);
            }
        });
        ObjectNode clocks = json.putObject("clocks");
        for (Map.Entry<String, LocalClock> clock : situation.clocks().entrySet()) {
            LocalClock local = clock.getValue();
            clocks.putObject(clock.getKey()).put("zoneId", local.getZoneId()).put("date", local.getDate())
                    .put("dayOfWeek", local.getDayOfWeek())
                    .put("time", String.format("%02d:%02d", local.getMinuteOfDay() / 60,
                            local.getMinuteOfDay() % 60));
        }
        ObjectNode schedules = json.putObject("schedules");
        new TreeMap<>(situation.schedules()).forEach(schedules::put);
        json.put("masking", situation.maskingState());
        ObjectNode plugins = json.putObject("pluginFacts");
        new TreeMap<>(situation.pluginFacts()).forEach(plugins::put);
        return json;
    }
}
