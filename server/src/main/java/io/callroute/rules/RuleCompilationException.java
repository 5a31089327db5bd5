package io.callroute.rules;

import java.util.List;

/** STUB */
public final class RuleCompilationException extends RuntimeException {
    private final List<RuleProblem> problems;
    public RuleCompilationException(List<RuleProblem> problems) { super(problems.toString()); this.problems = List.copyOf(problems); }
    public List<RuleProblem> problems() { return problems; }
}
