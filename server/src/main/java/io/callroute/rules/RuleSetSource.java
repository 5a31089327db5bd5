package io.callroute.rules;

/** A rule set as stored: its name and its YAML text. */
public record RuleSetSource(String name, String yaml) {
}
