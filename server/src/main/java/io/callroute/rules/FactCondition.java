package io.callroute.rules;

import java.util.List;

/**
 * A rule's condition on a plugin fact, e.g. {@code lookup.tier} is {@code gold} or {@code platinum}; the
 * alternatives are {@link Alternative.Kind#EXACT} values, or {@link Alternative.Kind#PRESENT} /
 * {@link Alternative.Kind#ABSENT} alone.
 *
 * @param name the fact's qualified name, e.g. {@code holiday.today}
 */
public record FactCondition(String name, List<Alternative> alternatives) {

    public FactCondition {
        alternatives = List.copyOf(alternatives);
    }

    /** The provider namespace the fact belongs to ({@code holiday} for {@code holiday.today}). */
    public String namespace() {
        return name.substring(0, name.indexOf('.'));
    }
}
