package io.callroute.actions;

import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.ParameterType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns one {@link StepTemplate} into a {@link PreparedStep}, collecting every problem a rule author can fix from
 * the template alone: an unknown action, unknown or missing parameters, values of the wrong type or out of range,
 * and bad {@code ${…}} references. Values that refer to the call can only be type-checked per call, so they are
 * parsed here and left to the action records then.
 */
final class StepCompiler {

    private final ActionRegistry registry;

    StepCompiler(ActionRegistry registry) {
        this.registry = registry;
    }

    /** The outcome for one step: its problems, and the prepared step when there are none. */
    record Compilation(List<StepProblem> problems, PreparedStep step) {
    }

    Compilation compile(int index, StepTemplate template) {
        Optional<ActionProvider> found = registry.find(template.providerId());
        if (found.isEmpty()) {
            return new Compilation(List.of(new StepProblem(index, null, unknownAction(template.providerId()))), null);
        }
        ActionProvider provider = found.get();
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        for (ParameterSpec spec : provider.parameters()) {
            specs.put(spec.name(), spec);
        }
        List<StepProblem> problems = new ArrayList<>();
        Map<String, Object> constants = new LinkedHashMap<>();
        Map<String, ValueTemplate> referencing = new LinkedHashMap<>();
        template.parameters().forEach((name, value) -> {
            ParameterSpec spec = specs.get(name);
            if (spec == null) {
                problems.add(new StepProblem(index, name, unknownParameter(provider, name, specs)));
            } else if (value != null) {
                addValue(index, spec, value, false, constants, referencing, problems);
            }
        });
        for (ParameterSpec spec : specs.values()) {
            boolean given = constants.containsKey(spec.name()) || referencing.containsKey(spec.name())
                    || template.parameters().get(spec.name()) != null;
            if (!given && spec.defaultValue() != null) {
                addValue(index, spec, spec.defaultValue(), true, constants, referencing, problems);
                given = true;
            }
            if (!given && spec.required()) {
                problems.add(new StepProblem(index, spec.name(), spec.name() + " is required."));
            }
        }
        return new Compilation(List.copyOf(problems),
                problems.isEmpty() ? new PreparedStep(index, provider, constants, referencing) : null);
    }

    private static void addValue(int index, ParameterSpec spec, Object value, boolean isDefault,
                                 Map<String, Object> constants, Map<String, ValueTemplate> referencing,
                                 List<StepProblem> problems) {
        String name = spec.name();
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            problems.add(new StepProblem(index, name,
                    name + " must be a single value (text, a number, or true or false), not a list or a group."));
            return;
        }
        Object literal = value;
        if (value instanceof String text) {
            ValueTemplate parsed;
            try {
                parsed = ValueTemplate.parse(text);
            } catch (InvalidReferenceException e) {
                problems.add(new StepProblem(index, name, sentence(name, e.getMessage())));
                return;
            }
            if (parsed.hasReferences()) {
                referencing.put(name, parsed);
                return;
            }
            literal = parsed.literalText();
        }
        if (spec.required() && literal instanceof String text && text.isBlank()) {
            problems.add(new StepProblem(index, name, name + " is required and must not be empty."));
            return;
        }
        Optional<String> problem = ParameterCheck.problem(spec, literal);
        if (problem.isPresent()) {
            String where = isDefault ? " (this is the action's default value, please report it to its author)" : "";
            problems.add(new StepProblem(index, name, sentence(name, problem.get() + where)));
            return;
        }
        constants.put(name, typed(spec, literal));
    }

    /** The literal in the form the typed getters return without converting (checked already, so it converts). */
    private static Object typed(ParameterSpec spec, Object literal) {
        ParameterValues single = ParameterValues.of(Map.of(spec.name(), literal));
        if (spec.type() == ParameterType.INTEGER) {
            return single.integer(spec.name()).orElseThrow();
        }
        if (spec.type() == ParameterType.NUMBER) {
            return single.number(spec.name()).orElseThrow();
        }
        if (spec.type() == ParameterType.BOOLEAN) {
            return single.flag(spec.name()).orElseThrow();
        }
        return single.text(spec.name()).orElseThrow();
    }

    private String unknownAction(String id) {
        List<String> similar = registry.suggestions(id);
        if (!similar.isEmpty()) {
            return "There is no action \"" + id + "\"; did you mean " + quotedAlternatives(similar) + "?";
        }
        return "There is no action \"" + id + "\"; the available actions are "
                + registry.all().stream().map(ActionProvider::id).collect(Collectors.joining(", ")) + ".";
    }

    private static String unknownParameter(ActionProvider provider, String name, Map<String, ParameterSpec> specs) {
        String start = "The action " + provider.id() + " has no parameter \"" + name + "\"";
        if (specs.isEmpty()) {
            return start + "; it takes no parameters.";
        }
        List<String> similar = SimilarNames.closest(name, specs.keySet());
        if (!similar.isEmpty()) {
            return start + "; did you mean " + quotedAlternatives(similar) + "?";
        }
        return start + "; its parameters are " + String.join(", ", specs.keySet()) + ".";
    }

    private static String quotedAlternatives(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(" or "));
    }

    /** "name problem." — the problem completes the sentence; a full stop is added unless it already ends in one. */
    static String sentence(String name, String problem) {
        String text = name + " " + problem;
        return text.endsWith(".") || text.endsWith("?") ? text : text + ".";
    }
}
