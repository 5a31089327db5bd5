package io.callroute.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.publishing.Finding;
import io.callroute.rules.RankedRule;

import java.util.List;

/** Small helpers to build the analysis' {@link Finding}s and their JSON details. */
final class Findings {

    static final String CHECK = "analysis";
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Findings() {
    }

    static Finding error(String code, String message, RankedRule rule, ObjectNode details) {
        return of(Finding.Severity.ERROR, code, message, rule, details);
    }

    static Finding warning(String code, String message, RankedRule rule, ObjectNode details) {
        return of(Finding.Severity.WARNING, code, message, rule, details);
    }

    static Finding warning(String code, String message, String ruleSet, String ruleId, ObjectNode details) {
        return new Finding(CHECK, Finding.Severity.WARNING, code, message, ruleSet, ruleId, details);
    }

    private static Finding of(Finding.Severity severity, String code, String message, RankedRule rule,
                              ObjectNode details) {
        return new Finding(CHECK, severity, code, message, rule == null ? null : rule.ruleSet(),
                rule == null ? null : rule.rule().id(), details);
    }

    static ObjectNode entry(Entry entry) {
        ObjectNode node = NODES.objectNode();
        node.put("numberProperty", entry.numberProperty());
        node.put("number", entry.number());
        node.put("menu", entry.menu());
        node.put("callStatus", entry.callStatus());
        return node;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    static String names(List<RankedRule> rules) {
        return String.join(", ", rules.stream().map(RankedRule::qualifiedName).toList());
    }
}
