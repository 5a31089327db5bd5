package io.callroute.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.actions.StepTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rule's {@code then.steps} and the rule set's {@code defaults} into step templates (defaults merged under
 * each step's own parameters). Whether the actions and parameters exist is checked by the action providers later.
 */
final class StepListReader {

    private final Set<String> providerIds;

    StepListReader(Set<String> providerIds) {
        this.providerIds = Set.copyOf(providerIds);
    }

    List<StepTemplate> steps(JsonNode node, String id, Map<String, Map<String, Object>> defaults,
                             ReadProblems problems) {
        List<StepTemplate> steps = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(id, "then.steps", "must be a list with at least one step, e.g. - say: { text: \"Hello\" }");
            return steps;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode step = node.get(i);
            String field = "then.steps[" + i + "]";
            if (step.isTextual()) {
                steps.add(new StepTemplate(step.asText(), defaults.getOrDefault(step.asText(), Map.of())));
                continue;
            }
            if (!step.isObject() || step.size() != 1) {
                problems.add(id, field, "must name one action with its parameters, e.g. - say: { text: \"Hello\" }");
                continue;
            }
            String provider = step.fieldNames().next();
            JsonNode params = step.get(provider);
            Map<String, Object> values = new LinkedHashMap<>(defaults.getOrDefault(provider, Map.of()));
            if (params != null && !params.isNull()) {
                if (!params.isObject()) {
                    problems.add(id, field + "." + provider, "must be a mapping of parameters, e.g. { text: \"Hello\" }");
                    continue;
                }
                params.fields().forEachRemaining(entry -> {
                    Object value = scalar(entry.getValue());
                    if (value == null) {
                        problems.add(id, field + "." + provider + "." + entry.getKey(),
                                "must be text, a number or true/false");
                    } else {
                        values.put(entry.getKey(), value);
                    }
                });
            }
            steps.add(new StepTemplate(provider, values));
        }
        return steps;
    }

    Map<String, Map<String, Object>> defaults(JsonNode node, ReadProblems problems) {
        Map<String, Map<String, Object>> defaults = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return defaults;
        }
        if (!node.isObject()) {
            problems.add(null, "defaults", "must map action names to default parameters, e.g. say: { voiceProfile: "
                    + "en-GB-Emma }");
            return defaults;
        }
        node.fields().forEachRemaining(entry -> {
            String provider = entry.getKey();
            if (!providerIds.contains(provider)) {
                problems.add(null, "defaults." + provider, "is not a known action"
                        + ReadProblems.didYouMean(provider, providerIds));
                return;
            }
            if (!entry.getValue().isObject()) {
                problems.add(null, "defaults." + provider, "must be a mapping of parameters");
                return;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            entry.getValue().fields().forEachRemaining(param -> {
                Object value = scalar(param.getValue());
                if (value == null) {
                    problems.add(null, "defaults." + provider + "." + param.getKey(),
                            "must be text, a number or true/false");
                } else {
                    values.put(param.getKey(), value);
                }
            });
            defaults.put(provider, values);
        });
        return defaults;
    }

    private static Object scalar(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        return null;
    }
}
