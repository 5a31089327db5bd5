package io.callroute.actions;

import io.callroute.plugin.ActionLimits;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.Hangup;
import io.callroute.plugin.MakeCall;
import io.callroute.plugin.SayAndCapture;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a whole callflow against 8x8's rules about the order and number of actions (spec §4.2). Each action record
 * already checks its own fields; what only shows on the whole list is checked here:
 *
 * <ul>
 *   <li>at least one action — what 8x8 does with an empty callflow is undocumented;</li>
 *   <li>at most {@value ActionLimits#MAX_MAKE_CALLS} {@code makeCall} — 8x8 bridges two legs, no conferencing;</li>
 *   <li>no {@code hangup} straight after {@code sayAndCapture} — 8x8 would discard the keys the caller pressed;</li>
 *   <li>at most one {@code sayAndCapture}, and it is the last action — the caller's keys come back in the
 *       <em>next</em> webhook, and only the answer to that webhook can act on them. Anything placed after the
 *       capture would either run before the caller has answered the menu or be dropped by 8x8 (the order is
 *       undocumented), and a second capture in the same callflow would overwrite the first one's result;</li>
 *   <li>nothing after {@code hangup} — the call has ended;</li>
 *   <li>no {@code sayAndCapture} after {@code makeCall} — once the caller is bridged to another party, the keys
 *       would be collected on a call our menu no longer controls.</li>
 * </ul>
 *
 * <p>Each broken rule yields one sentence, however often the callflow breaks it.
 */
public final class CallflowValidator {

    private CallflowValidator() {
    }

    /** Sentences describing each rule the sequence breaks; empty when valid. */
    public static List<String> violations(List<CallAction> actions) {
        List<String> violations = new ArrayList<>();
        if (actions == null || actions.isEmpty()) {
            violations.add("A callflow needs at least one action.");
            return violations;
        }
        int makeCalls = 0;
        int captures = 0;
        int firstCapture = -1;
        int firstMakeCall = -1;
        int firstHangup = -1;
        boolean hangupAfterCapture = false;
        boolean captureAfterMakeCall = false;
        for (int i = 0; i < actions.size(); i++) {
            CallAction action = actions.get(i);
            if (action instanceof MakeCall) {
                makeCalls++;
                firstMakeCall = firstMakeCall < 0 ? i : firstMakeCall;
            } else if (action instanceof SayAndCapture) {
                captures++;
                firstCapture = firstCapture < 0 ? i : firstCapture;
                captureAfterMakeCall |= firstMakeCall >= 0;
            } else if (action instanceof Hangup) {
                firstHangup = firstHangup < 0 ? i : firstHangup;
                hangupAfterCapture |= i > 0 && actions.get(i - 1) instanceof SayAndCapture;
            }
        }
        if (makeCalls > ActionLimits.MAX_MAKE_CALLS) {
            violations.add("A callflow may contain at most " + ActionLimits.MAX_MAKE_CALLS
                    + " makeCall actions (8x8 bridges only two calls), but this one has " + makeCalls + ".");
        }
        if (hangupAfterCapture) {
            violations.add("A hangup must not come straight after a sayAndCapture,"
                    + " because 8x8 would discard the keys the caller pressed.");
        }
        if (captures > 1) {
            violations.add("A callflow may contain only one sayAndCapture, but this one has " + captures + ".");
        }
        if (captures > 0 && !(actions.get(actions.size() - 1) instanceof SayAndCapture)) {
            violations.add("The sayAndCapture (action " + (firstCapture + 1) + ") must be the last action,"
                    + " because the keys the caller presses arrive with the next webhook.");
        }
        if (firstHangup >= 0 && firstHangup < actions.size() - 1) {
            violations.add("Nothing can follow a hangup (action " + (firstHangup + 1) + "), because the call has ended.");
        }
        if (captureAfterMakeCall) {
            violations.add("A sayAndCapture cannot come after a makeCall, because the caller is then connected"
                    + " to another party.");
        }
        return violations;
    }

    /** Throws CallflowException listing the violations. */
    public static void requireValid(List<CallAction> actions) {
        List<String> violations = violations(actions);
        if (!violations.isEmpty()) {
            throw new CallflowException(violations);
        }
    }
}
