package io.callroute.rules;

import java.util.List;

/**
 * A condition on one property of the call facts, e.g. {@code destination} is {@code +6531580001} or starts with
 * {@code +65}.
 *
 * @param property     the {@link io.callroute.facts.CallFacts} property
 * @param alternatives any of these matches
 */
public record PropertyCondition(String property, List<Alternative> alternatives) {

    public PropertyCondition {
        alternatives = List.copyOf(alternatives);
    }
}
