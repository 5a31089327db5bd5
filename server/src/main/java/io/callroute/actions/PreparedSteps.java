package io.callroute.actions;

import java.util.List;

/**
 * A rule's steps checked and compiled once, when the rules load, by {@link CallflowAssembler#prepare}; answering a
 * call with {@link CallflowAssembler#assemble(String, PreparedSteps, io.callroute.plugin.CallContext)} then does no
 * parsing, lookups or spec checks. Immutable and thread-safe; keep one per rule alongside the compiled rule.
 */
public final class PreparedSteps {

    private final List<StepTemplate> templates;
    private final List<PreparedStep> steps;

    PreparedSteps(List<StepTemplate> templates, List<PreparedStep> steps) {
        this.templates = List.copyOf(templates);
        this.steps = List.copyOf(steps);
    }

    /** The steps as the rule author wrote them. */
    public List<StepTemplate> templates() {
        return templates;
    }

    /** Whether any step refers to a call field such as {@code ${source}}. */
    public boolean dependsOnCall() {
        return steps.stream().anyMatch(PreparedStep::dependsOnCall);
    }

    List<PreparedStep> steps() {
        return steps;
    }

    @Override
    public String toString() {
        return "PreparedSteps" + steps.stream().map(PreparedStep::providerId).toList();
    }
}
