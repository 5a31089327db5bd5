package io.callroute.actions;

import io.callroute.plugin.CallAction;
import java.util.List;

/** STUB — whole-callflow checks against 8x8's sequence rules. */
public final class CallflowValidator {
    private CallflowValidator() {}
    /** Sentences describing each rule the sequence breaks; empty when valid. */
    public static List<String> violations(List<CallAction> actions) { throw new UnsupportedOperationException("stub"); }
    /** Throws CallflowException listing the violations. */
    public static void requireValid(List<CallAction> actions) { throw new UnsupportedOperationException("stub"); }
}
