package io.callroute.publishing;

/**
 * One reason rules cannot go live, addressed inside the JSON document the editor holds.
 *
 * @param ruleSet the rule set's name
 * @param ruleId  the rule's id, or null for a problem of the set (or of all sets)
 * @param path    JSON path into the rule set document, e.g. {@code $.rules[3].when.time.from}
 * @param message a sentence
 */
public record Problem(String ruleSet, String ruleId, String path, String message) {
}
