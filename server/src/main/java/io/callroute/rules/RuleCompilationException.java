package io.callroute.rules;

import java.util.List;

/** Rules that cannot go live, with every problem found (each naming rule set, rule and field). */
public final class RuleCompilationException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RuleCompilationException(List<RuleProblem> problems) {
        super(problems.size() + " problem(s); first: " + (problems.isEmpty() ? "none" : problems.get(0)));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
