package io.callroute.rules;

import io.callroute.facts.CallAddress;
import java.util.List;
import java.util.Optional;

/**
 * The exact addresses a rule is pinned to — the values of its first condition on the called number's reference,
 * the called number or the destination that allows exact values only. A rule with none (a prefix, a pattern or no
 * such condition) can match any call and is tried on every one.
 */
final class RuleAddress {

    private RuleAddress() {
    }

    static Optional<List<CallAddress>> of(RuleDefinition rule) {
        for (CallAddress.Kind kind : CallAddress.Kind.values()) {
            for (PropertyCondition condition : rule.when().properties()) {
                if (condition.property().equals(kind.property()) && !condition.alternatives().isEmpty()
                        && condition.alternatives().stream().allMatch(a -> a.kind() == Alternative.Kind.EXACT)) {
                    return Optional.of(condition.alternatives().stream()
                            .map(alternative -> new CallAddress(kind, alternative.value())).distinct().toList());
                }
            }
        }
        return Optional.empty();
    }
}
