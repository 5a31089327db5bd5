package io.callroute.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.actions.SimilarNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects the problems found while reading one rule set, each addressed by rule and field, and words them the same
 * way everywhere (values clipped, "did you mean" suggestions).
 */
final class ReadProblems {

    private final String ruleSet;
    private final List<RuleProblem> list = new ArrayList<>();

    ReadProblems(String ruleSet) {
        this.ruleSet = ruleSet;
    }

    void add(String ruleId, String field, String message) {
        list.add(new RuleProblem(ruleSet, ruleId, field, message));
    }

    void unknownKeys(String ruleId, String prefix, JsonNode node, List<String> known) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                add(ruleId, prefix + key, "is not a known key" + didYouMean(key, known));
            }
        });
    }

    int size() {
        return list.size();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<RuleProblem> list() {
        return List.copyOf(list);
    }

    static List<JsonNode> listOf(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        return items;
    }

    static String didYouMean(String typed, Collection<String> known) {
        List<String> similar = SimilarNames.closest(typed, known);
        return similar.isEmpty() ? "" : "; did you mean \"" + String.join("\" or \"", similar) + "\"?";
    }

    static String clip(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
