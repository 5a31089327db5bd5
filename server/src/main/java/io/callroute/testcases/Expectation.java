package io.callroute.testcases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.http.ApiErrorException;
import io.callroute.replay.RuleAnswer;
import io.callroute.rules.MenuToken;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a test case expects the rules to answer: a rule ({@code set/id}), an exact callflow, both, or the fallback
 * (no rule matches). The expectation does not depend on the version: a callflow's {@code clientActionId} is
 * compared without the {@code :vN} the live server adds, so a case written against version 7 holds for the drafts.
 *
 * @param rule     the rule that must answer, or null when any rule may
 * @param callflow the callflow that must be answered ({@code {"clientActionId"?, "callflow": [...]}}); when given as
 *                 a bare array only the actions are compared. Null when any callflow may
 * @param fallback whether the fallback must be answered (then rule and callflow are null)
 */
public record Expectation(String rule, JsonNode callflow, boolean fallback) {

    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}/[A-Za-z0-9][A-Za-z0-9_.-]*");

    public static Expectation ofRule(String rule) {
        return new Expectation(rule, null, false);
    }

    public static Expectation ofFallback() {
        return new Expectation(null, null, true);
    }

    /** Reads {@code {"rule": …}}, {@code {"callflow": …}} (or both) or {@code {"fallback": true}}; 400 otherwise. */
    static Expectation read(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw invalid(field, "must be an object: {\"rule\": \"set/id\"}, {\"callflow\": {…}} or "
                    + "{\"fallback\": true}");
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!List.of("rule", "callflow", "fallback").contains(key)) {
                throw invalid(field + "." + key, "is not known; an expectation has \"rule\", \"callflow\" or"
                        + " \"fallback\"");
            }
        }
        String rule = null;
        JsonNode ruleNode = node.get("rule");
        if (ruleNode != null && !ruleNode.isNull()) {
            if (!ruleNode.isTextual() || !RULE.matcher(ruleNode.textValue()).matches()) {
                throw invalid(field + ".rule", "must name one rule as \"rule-set/rule-id\"");
            }
            rule = ruleNode.textValue();
        }
        JsonNode callflow = node.get("callflow");
        if (callflow != null && callflow.isNull()) {
            callflow = null;
        }
        if (callflow != null) {
            checkCallflow(callflow, field + ".callflow");
        }
        JsonNode fallbackNode = node.get("fallback");
        boolean fallback = false;
        if (fallbackNode != null && !fallbackNode.isNull()) {
            if (!fallbackNode.isBoolean()) {
                throw invalid(field + ".fallback", "must be true or false");
            }
            fallback = fallbackNode.booleanValue();
        }
        if (fallback && (rule != null || callflow != null)) {
            throw invalid(field + ".fallback", "cannot be combined with \"rule\" or \"callflow\": the fallback is"
                    + " answered when no rule matches");
        }
        if (!fallback && rule == null && callflow == null) {
            throw invalid(field, "must say what the rules answer: \"rule\", \"callflow\" or \"fallback\": true");
        }
        return new Expectation(rule, callflow, fallback);
    }

    private static void checkCallflow(JsonNode callflow, String field) {
        JsonNode actions = callflow.isArray() ? callflow : callflow.path("callflow");
        if (!callflow.isArray() && !callflow.isObject()) {
            throw invalid(field, "must be the answer as 8x8 receives it, {\"clientActionId\": …, \"callflow\": [ … ]},"
                    + " or only its array of actions");
        }
        if (!actions.isArray() || actions.isEmpty()) {
            throw invalid(callflow.isArray() ? field : field + ".callflow", "must be a non-empty array of actions");
        }
        JsonNode clientActionId = callflow.isObject() ? callflow.get("clientActionId") : null;
        if (clientActionId != null && !clientActionId.isNull() && !clientActionId.isTextual()) {
            throw invalid(field + ".clientActionId", "must be text");
        }
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (fallback) {
            node.put("fallback", true);
            return node;
        }
        if (rule != null) {
            node.put("rule", rule);
        }
        if (callflow != null) {
            node.set("callflow", callflow);
        }
        return node;
    }

    /** The rule set of the expected rule, or null. */
    String ruleSet() {
        return rule == null ? null : rule.substring(0, rule.indexOf('/'));
    }

    String ruleId() {
        return rule == null ? null : rule.substring(rule.indexOf('/') + 1);
    }

    /** Why {@code actual} does not meet this expectation; empty when it does. */
    List<String> mismatches(RuleAnswer actual) {
        List<String> mismatches = new ArrayList<>();
        if (fallback) {
            if (!actual.isFallback()) {
                mismatches.add("expected the fallback (no rule matching) but rule " + actual.rule() + " answers");
            }
            return mismatches;
        }
        if (rule != null && !rule.equals(actual.rule())) {
            mismatches.add("expected rule " + rule + " but " + (actual.isFallback()
                    ? "the fallback is answered (" + actual.fallbackReason() + ")" : "rule " + actual.rule()
                    + " answers"));
        }
        if (callflow != null && !callflowMatches(actual.callflow())) {
            mismatches.add(actual.isFallback() ? "expected a callflow but the fallback is answered"
                    : "expected another callflow than the one rule " + actual.rule() + " answers");
        }
        return mismatches;
    }

    private boolean callflowMatches(JsonNode actual) {
        if (actual == null) {
            return false;
        }
        if (callflow.isArray()) {
            return callflow.equals(actual.path("callflow"));
        }
        ObjectNode expected = callflow.deepCopy();
        JsonNode clientActionId = expected.get("clientActionId");
        String menu = clientActionId != null && clientActionId.isTextual()
                ? MenuToken.parse(clientActionId.textValue()).menu() : null;
        if (menu == null) {
            expected.remove("clientActionId");   // null or empty: the answer carries none
        } else {
            expected.put("clientActionId", menu);
        }
        return expected.equals(actual);
    }

    private static ApiErrorException invalid(String field, String message) {
        return new ApiErrorException(400, "invalid_field", "\"" + field + "\" " + message + ".", field);
    }
}
