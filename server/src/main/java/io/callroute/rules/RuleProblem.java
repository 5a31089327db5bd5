package io.callroute.rules;

/** STUB */
public record RuleProblem(String ruleSet, String ruleId, String field, String message) {
}
