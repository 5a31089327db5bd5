package io.callroute.plugin;

import java.util.List;
import java.util.Objects;

/**
 * Describes one parameter of an {@link ActionProvider}: enough for the admin UI to draw a form control and for the
 * server to validate a rule's value before it goes live.
 *
 * <p>Build instances with {@link #of(String, ParameterType)} and the {@code with…} methods.
 *
 * @param name         the key rule authors write, e.g. {@code "promptMessage"}
 * @param type         the kind of value
 * @param label        a short human label
 * @param help         one sentence of help, may be empty
 * @param required     whether a step must give a value (after defaults are applied)
 * @param defaultValue the value used when the step gives none, as text; {@code null} for none
 * @param min          the lowest allowed value for numbers, or the shortest length for text; {@code null} for none
 * @param max          the highest allowed value for numbers, or the longest length for text; {@code null} for none
 * @param choices      the allowed values of a {@link ParameterType#CHOICE}; empty otherwise
 */
public record ParameterSpec(String name, ParameterType type, String label, String help, boolean required,
                            String defaultValue, Double min, Double max, List<String> choices) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        label = label == null || label.isBlank() ? name : label;
        help = help == null ? "" : help;
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("parameter " + name + ": a CHOICE needs at least one choice");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("parameter " + name + ": min is greater than max");
        }
    }

    /** An optional parameter with no label, help, default or bounds. */
    public static ParameterSpec of(String name, ParameterType type) {
        return new ParameterSpec(name, type, name, "", false, null, null, null, List.of());
    }

    /** An optional {@link ParameterType#CHOICE} among {@code choices} ({@link #of} cannot make one: it has none). */
    public static ParameterSpec choice(String name, List<String> choices) {
        return new ParameterSpec(name, ParameterType.CHOICE, name, "", false, null, null, null, choices);
    }

    public ParameterSpec asRequired() {
        return new ParameterSpec(name, type, label, help, true, defaultValue, min, max, choices);
    }

    public ParameterSpec withLabel(String newLabel) {
        return new ParameterSpec(name, type, newLabel, help, required, defaultValue, min, max, choices);
    }

    public ParameterSpec withHelp(String newHelp) {
        return new ParameterSpec(name, type, label, newHelp, required, defaultValue, min, max, choices);
    }

    public ParameterSpec withDefault(String newDefault) {
        return new ParameterSpec(name, type, label, help, required, newDefault, min, max, choices);
    }

    public ParameterSpec withRange(Double newMin, Double newMax) {
        return new ParameterSpec(name, type, label, help, required, defaultValue, newMin, newMax, choices);
    }

    public ParameterSpec withChoices(List<String> newChoices) {
        return new ParameterSpec(name, type, label, help, required, defaultValue, min, max, newChoices);
    }
}
