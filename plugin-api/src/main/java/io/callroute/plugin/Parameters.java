package io.callroute.plugin;

import java.util.Optional;
import java.util.Set;

/**
 * The parameter values of one step, as the server resolved them for this call: defaults applied, references to call
 * fields (such as {@code ${source}}) replaced. The typed getters convert text where that is unambiguous ("3" is an
 * integer) and throw {@link InvalidParameterException} naming the parameter when it is not.
 */
public interface Parameters {

    /** The names that have a value. */
    Set<String> names();

    Optional<String> text(String name);

    Optional<Long> integer(String name);

    Optional<Double> number(String name);

    Optional<Boolean> flag(String name);

    default boolean has(String name) {
        return names().contains(name);
    }

    /** The text value, or an {@link InvalidParameterException} saying it is required. */
    default String requiredText(String name) {
        return text(name).filter(value -> !value.isBlank())
                .orElseThrow(() -> new InvalidParameterException(name, "is required"));
    }
}
