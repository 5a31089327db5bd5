package io.callroute.actions;

import io.callroute.plugin.CallContext;
import java.util.List;

/** STUB — turns a rule's step templates into a validated Callflow for one call. */
public final class CallflowAssembler {
    public CallflowAssembler(ActionRegistry registry) { throw new UnsupportedOperationException("stub"); }
    /** @throws CallflowException (or InvalidParameterException) when the steps cannot produce a valid callflow */
    public Callflow assemble(String clientActionId, List<StepTemplate> steps, CallContext call) { throw new UnsupportedOperationException("stub"); }
    /** Load-time check of one rule's steps: every problem, each naming step index (0-based) and parameter. */
    public List<StepProblem> check(List<StepTemplate> steps) { throw new UnsupportedOperationException("stub"); }
}
