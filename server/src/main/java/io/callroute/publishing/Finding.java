package io.callroute.publishing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Something a {@link PublishCheck} found in rules about to go live. Errors block publishing unless a publisher
 * overrides them explicitly (audited); warnings are shown and never block.
 *
 * @param check    the check that found it, e.g. {@code analysis}, {@code testCases}
 * @param severity whether it blocks
 * @param code     a stable machine code, e.g. {@code gap}, {@code shadowed}, {@code test_case_failed}
 * @param message  a sentence for the person publishing
 * @param ruleSet  the rule set concerned, or null
 * @param ruleId   the rule concerned, or null
 * @param details  structured details for the UI (slots, keys, expected and actual answers…), or null
 */
public record Finding(String check, Severity severity, String code, String message, String ruleSet, String ruleId,
                      JsonNode details) {

    /** Whether a finding blocks publishing. */
    public enum Severity { ERROR, WARNING }

    public boolean blocks() {
        return severity == Severity.ERROR;
    }
}
