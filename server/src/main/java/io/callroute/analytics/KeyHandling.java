package io.callroute.analytics;

import io.callroute.rules.Alternative;
import io.callroute.rules.PropertyCondition;
import io.callroute.rules.RankedRule;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether a caller's input in a menu was a choice the menu offers or an invalid one, judged by the rule that answered
 * it: a rule that names the key ({@code dtmf: "1"}, or a pattern the keys match) handled a valid choice; a catch-all
 * ({@code dtmf: any}, or no dtmf condition at all — the "sorry, that is not an option" rule) handled an invalid one.
 * The call log cannot tell this by itself; the rules can.
 */
final class KeyHandling {

    enum Kind { VALID, INVALID, UNKNOWN }

    private final Map<String, RankedRule> rules;

    KeyHandling(Iterable<RankedRule> rules) {
        this.rules = java.util.stream.StreamSupport.stream(rules.spliterator(), false)
                .collect(Collectors.toMap(RankedRule::qualifiedName, Function.identity(), (a, b) -> a));
    }

    /**
     * @param rule  the deciding rule ({@code set/id}), null for a fallback
     * @param input the logged input: {@code key:<k>} or {@code digits:<n>}
     */
    Kind classify(String rule, String input) {
        RankedRule answering = rule == null ? null : rules.get(rule);
        if (answering == null) {
            return Kind.UNKNOWN;
        }
        Optional<PropertyCondition> dtmf = answering.rule().when().properties().stream()
                .filter(condition -> condition.property().equals("dtmf")).findFirst();
        if (dtmf.isEmpty()) {
            return Kind.INVALID;
        }
        String key = input.startsWith("key:") ? input.substring(4) : null;
        for (Alternative alternative : dtmf.get().alternatives()) {
            switch (alternative.kind()) {
                // Several keys are never logged, only their count: a rule that names keys took them as a choice.
                case EXACT -> {
                    if (key == null || key.equals(alternative.value())) {
                        return Kind.VALID;
                    }
                }
                case PREFIX -> {
                    if (key == null || key.startsWith(alternative.value())) {
                        return Kind.VALID;
                    }
                }
                case PATTERN -> {
                    if (key == null || key.matches(alternative.value())) {
                        return Kind.VALID;
                    }
                }
                default -> {
                    // PRESENT is the catch-all; ABSENT cannot match an input.
                }
            }
        }
        return Kind.INVALID;
    }
}
