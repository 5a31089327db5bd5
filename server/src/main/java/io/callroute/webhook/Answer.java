package io.callroute.webhook;

import io.callroute.actions.Callflow;
import io.callroute.store.DecisionTrace;

/**
 * How a CALL_ACTION was answered.
 *
 * @param callflow       what 8x8 gets
 * @param json           the callflow's 8x8 JSON
 * @param ruleName       {@code ruleSet/ruleId} of the deciding rule, or null for the fallback
 * @param fallbackReason why the fallback was answered, or null when a rule decided
 * @param micros         time spent deciding
 * @param maskingSession the caller's live number-masking session the answer used, or null
 * @param trace          why, for the call log (version, matched rules, menus, keys, plugins); null when unknown
 */
public record Answer(Callflow callflow, byte[] json, String ruleName, String fallbackReason, long micros,
                     String maskingSession, DecisionTrace trace) {

    /** An answer without a trace. */
    public Answer(Callflow callflow, byte[] json, String ruleName, String fallbackReason, long micros,
                  String maskingSession) {
        this(callflow, json, ruleName, fallbackReason, micros, maskingSession, null);
    }

    public boolean isFallback() {
        return fallbackReason != null;
    }
}
