package io.callroute.rules;

import io.callroute.actions.ActionRegistry;
import java.util.List;

/** STUB */
public final class RuleCompiler {
    public CompiledRules compile(List<RuleSetSource> sources, ActionRegistry actions) { throw new UnsupportedOperationException("stub"); }
}
