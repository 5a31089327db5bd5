package io.callroute.actions;

import io.callroute.plugin.CallAction;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a rule's steps into the callflow 8x8 receives. The work is split so that a caller never waits for
 * anything that could be done earlier:
 *
 * <ul>
 *   <li>{@link #check} when the rules load: every problem a rule author can fix, in plain sentences naming the step
 *       and parameter — unknown actions and parameters (with "did you mean"), missing required parameters, types,
 *       ranges and choices, bad {@code ${…}} references; steps that do not refer to the call are trial-built, so the
 *       action records' own rules (e.g. overallTimeout greater than digitTimeout) are reported too; finally the
 *       whole sequence is trial-assembled with a sample call and checked by {@link CallflowValidator}.</li>
 *   <li>{@link #prepare} when the rules load: the same checks, and the compiled steps for answering calls.</li>
 *   <li>{@link #assemble(String, PreparedSteps, CallContext)} per call: resolve references, call each provider,
 *       validate the sequence. Microseconds.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class CallflowAssembler {

    /** Bounds the cache behind {@link #assemble(String, List, CallContext)}; rule sets are far smaller. */
    private static final int MAX_CACHED_STEP_LISTS = 10_000;

    private final StepCompiler compiler;
    private final Map<List<StepTemplate>, PreparedSteps> prepared = new ConcurrentHashMap<>();

    public CallflowAssembler(ActionRegistry registry) {
        this.compiler = new StepCompiler(Objects.requireNonNull(registry, "registry"));
    }

    /** Load-time check of one rule's steps: every problem, each naming step index (0-based) and parameter. */
    public List<StepProblem> check(List<StepTemplate> steps) {
        return analyse(steps).problems();
    }

    /**
     * Checks and compiles a rule's steps for {@link #assemble(String, PreparedSteps, CallContext)}. Call it once when
     * the rules load.
     *
     * @throws CallflowException listing the problems {@link #check} reports, when there are any
     */
    public PreparedSteps prepare(List<StepTemplate> steps) {
        Analysis analysis = analyse(steps);
        if (!analysis.problems().isEmpty()) {
            throw new CallflowException(analysis.problems().stream().map(CallflowAssembler::describe).toList());
        }
        return new PreparedSteps(steps, analysis.steps());
    }

    /**
     * The callflow for one call from prepared steps.
     *
     * @throws InvalidParameterException when a value resolved for this call cannot be used (e.g. {@code ${source}}
     *                                   is not a phone number on a Voice SDK call)
     * @throws CallflowException         when a provider fails or the actions break 8x8's sequence rules
     */
    public Callflow assemble(String clientActionId, PreparedSteps steps, CallContext call) {
        List<CallAction> actions = new ArrayList<>(steps.steps().size() + 2);
        for (PreparedStep step : steps.steps()) {
            actions.addAll(step.build(call));
        }
        CallflowValidator.requireValid(actions);
        return new Callflow(clientActionId, actions);
    }

    /**
     * The callflow for one call from step templates. Prepares each distinct step list once and caches it, so this is
     * nearly as cheap as {@link #assemble(String, PreparedSteps, CallContext)}; prefer that one where the prepared
     * steps can be kept with the rule.
     *
     * @throws CallflowException         when the steps have problems {@link #check} would report, a provider fails,
     *                                   or the actions break 8x8's sequence rules
     * @throws InvalidParameterException when a value resolved for this call cannot be used
     */
    public Callflow assemble(String clientActionId, List<StepTemplate> steps, CallContext call) {
        PreparedSteps ready = prepared.get(steps);
        if (ready == null) {
            ready = prepare(steps);
            if (prepared.size() >= MAX_CACHED_STEP_LISTS) {
                prepared.clear();
            }
            prepared.put(List.copyOf(steps), ready);
        }
        return assemble(clientActionId, ready, call);
    }

    private record Analysis(List<StepProblem> problems, List<PreparedStep> steps) {
    }

    private Analysis analyse(List<StepTemplate> templates) {
        List<StepProblem> problems = new ArrayList<>();
        List<PreparedStep> steps = new ArrayList<>();
        List<List<CallAction>> trialActions = new ArrayList<>();
        boolean sequenceKnown = true;
        for (int i = 0; i < templates.size(); i++) {
            StepCompiler.Compilation compilation = compiler.compile(i, templates.get(i));
            problems.addAll(compilation.problems());
            PreparedStep step = compilation.step();
            if (step == null) {
                sequenceKnown = false;
                continue;
            }
            steps.add(step);
            List<CallAction> actions = trialBuild(step, problems);
            sequenceKnown &= actions != null;
            trialActions.add(actions);
        }
        if (sequenceKnown) {
            List<CallAction> sequence = new ArrayList<>();
            trialActions.forEach(sequence::addAll);
            for (String violation : CallflowValidator.violations(sequence)) {
                problems.add(new StepProblem(-1, null, violation));
            }
        }
        return new Analysis(List.copyOf(problems), List.copyOf(steps));
    }

    /**
     * Builds a step for a sample call. Problems are reported only for steps that do not refer to the call: a value
     * such as {@code +65${dtmf}} may well fail for the sample and work for real calls. A step that fails leaves the
     * sequence unknown (null).
     */
    private static List<CallAction> trialBuild(PreparedStep step, List<StepProblem> problems) {
        boolean report = !step.dependsOnCall();
        String action = "The action " + step.providerId();
        List<CallAction> actions;
        try {
            actions = step.buildUnchecked(SampleCall.INSTANCE);
        } catch (InvalidParameterException e) {
            if (report) {
                problems.add(new StepProblem(step.index(), e.parameter(),
                        StepCompiler.sentence(e.parameter(), e.problem())));
            }
            return null;
        } catch (RuntimeException e) {
            if (report) {
                problems.add(new StepProblem(step.index(), null, action + " failed while being checked: " + e));
            }
            return null;
        }
        Optional<String> malformed = PreparedStep.malformed(actions);
        if (malformed.isPresent()) {
            if (report) {
                problems.add(new StepProblem(step.index(), null, action + " " + malformed.get() + "."));
            }
            return null;
        }
        return actions;
    }

    /** A problem as one sentence of an exception message: "Step 2: maxDigits …", or the sentence alone. */
    private static String describe(StepProblem problem) {
        if (problem.step() < 0) {
            return problem.message();
        }
        return "Step " + (problem.step() + 1) + ": " + problem.message();
    }
}
