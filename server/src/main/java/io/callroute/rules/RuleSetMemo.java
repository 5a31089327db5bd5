package io.callroute.rules;

import io.callroute.actions.ActionRegistry;
import io.callroute.actions.CallflowAssembler;
import io.callroute.actions.PreparedSteps;
import io.callroute.actions.StepProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the last compile learnt about each rule set — the set read from its YAML, its steps checked against the
 * action providers and prepared — so the next compile does that work only for sets whose YAML changed. In a rule
 * base of 10,000 rules a one-rule change would otherwise read and trial-build every rule again (most of its time).
 * A set is reused only when its YAML, the providers' ids and the very provider registry are the same, so a plugin
 * change re-checks everything.
 */
final class RuleSetMemo {

    /** A set as read, with the inputs it was read from. */
    private record Read(String yaml, Set<String> providerIds, RuleSetReader.Result result) {
    }

    /** A set's step problems and, when it has none, its rules' prepared steps in the set's order. */
    record Checked(List<RuleProblem> problems, List<PreparedSteps> prepared) {
    }

    private record CheckedFor(RuleSetDefinition set, ActionRegistry actions, Checked checked) {
    }

    private final Map<String, Read> reads = new ConcurrentHashMap<>();
    private final Map<String, CheckedFor> checks = new ConcurrentHashMap<>();

    RuleSetReader.Result read(RuleSetSource source, Set<String> providerIds, RuleSetReader reader) {
        Read last = reads.get(source.name());
        if (last != null && last.yaml().equals(source.yaml()) && last.providerIds().equals(providerIds)) {
            return last.result();
        }
        RuleSetReader.Result result = reader.readYaml(source.name(), source.yaml());
        reads.put(source.name(), new Read(source.yaml(), Set.copyOf(providerIds), result));
        return result;
    }

    Checked check(RuleSetDefinition set, ActionRegistry actions, CallflowAssembler assembler) {
        CheckedFor last = checks.get(set.name());
        // Identity, not equality: the same definition object means the same YAML was read with the same providers.
        if (last != null && last.set() == set && last.actions() == actions) {
            return last.checked();
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleDefinition rule : set.rules()) {
            for (StepProblem step : assembler.check(rule.steps())) {
                problems.add(new RuleProblem(set.name(), rule.id(), stepField(rule, step), step.message()));
            }
        }
        List<PreparedSteps> prepared = problems.isEmpty()
                ? set.rules().stream().map(rule -> assembler.prepare(rule.steps())).toList() : null;
        Checked checked = new Checked(List.copyOf(problems), prepared);
        checks.put(set.name(), new CheckedFor(set, actions, checked));
        return checked;
    }

    /** Forgets sets that the latest compile did not have (deleted or renamed). */
    void keepOnly(Set<String> names) {
        reads.keySet().retainAll(names);
        checks.keySet().retainAll(names);
    }

    private static String stepField(RuleDefinition rule, StepProblem problem) {
        if (problem.step() < 0 || problem.step() >= rule.steps().size()) {
            return "then.steps";
        }
        String step = "then.steps[" + problem.step() + "]." + rule.steps().get(problem.step()).providerId();
        return problem.parameter() == null ? step : step + "." + problem.parameter();
    }
}
