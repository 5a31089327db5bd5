package io.callroute.store;

import java.util.List;

/**
 * Why a CALL_ACTION got its answer, as the call path saw it, for the call log: cheap to build (values the decision
 * had anyway), written to the store off the call path with the event.
 *
 * @param rulesVersion the rules version that answered (0: rules not published as a version), null when no rules
 *                     were there to ask
 * @param rule         the deciding rule ({@code ruleSet/ruleId}, without version), null for the fallback
 * @param matchedRules every rule that matched, the winner first
 * @param menuIn       the menu the caller was in (from the echoed clientActionId, version stripped), or null
 * @param menuOut      the menu the answer put the caller in, or null when the answer ends the menu
 * @param dtmf         what the caller did in a menu, PIN-safe: {@code key:<k>} for one key, {@code digits:<n>} for
 *                     several (the keys themselves are not logged), {@code timeout} for an ACTION_COMPLETED without
 *                     keys, null when the event is not an answer to a prompt
 * @param fallbackKind the fallback's reason as a short code ({@code no_match}, {@code deadline}…), or null
 * @param plugins      the plugins the decision called: how often, how long in total, how many calls failed
 */
public record DecisionTrace(Integer rulesVersion, String rule, List<String> matchedRules, String menuIn,
                            String menuOut, String dtmf, String fallbackKind, List<PluginUse> plugins) {

    public DecisionTrace {
        matchedRules = matchedRules == null ? List.of() : List.copyOf(matchedRules);
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
    }

    /** One plugin's part in one decision. */
    public record PluginUse(String plugin, int calls, long micros, int failures) {
    }

    /**
     * The PIN-safe DTMF outcome of an event: {@code key:<k>}, {@code digits:<n>}, {@code timeout}, or null when the
     * event answers no prompt.
     *
     * @param actionCompleted whether the event is an ACTION_COMPLETED (the answer to a prompt)
     * @param dtmf            the keys pressed, or null
     */
    public static String dtmfOutcome(boolean actionCompleted, String dtmf) {
        if (dtmf != null && !dtmf.isEmpty()) {
            return dtmf.length() == 1 ? "key:" + dtmf : "digits:" + dtmf.length();
        }
        return actionCompleted ? "timeout" : null;
    }
}
