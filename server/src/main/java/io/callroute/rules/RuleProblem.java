package io.callroute.rules;

/**
 * One reason a rule set cannot go live, addressed the way its author thinks about it.
 *
 * @param ruleSet the rule set's name
 * @param ruleId  the rule's id, or null for a problem of the set itself (e.g. its default zone)
 * @param field   the path inside the rule (or set), e.g. {@code when.time.from}; null when the whole rule is at fault
 * @param message a plain sentence
 */
public record RuleProblem(String ruleSet, String ruleId, String field, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(ruleSet);
        if (ruleId != null) {
            text.append(", rule \"").append(ruleId).append('"');
        }
        if (field != null) {
            text.append(", ").append(field);
        }
        return text.append(": ").append(message).toString();
    }
}
