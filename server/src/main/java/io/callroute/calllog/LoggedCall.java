package io.callroute.calllog;

import java.time.Instant;
import java.util.List;

/**
 * One row of the call log: a webhook as stored (numbers masked unless {@code CALLROUTE_CALL_LOG_NUMBERS=full}) with
 * what was done about it and, for a CALL_ACTION, why.
 *
 * @param id              the row's id (newer rows have larger ids)
 * @param receivedAt      when it arrived
 * @param eventType       the envelope's eventType as sent
 * @param eventId         8x8's event id, if any
 * @param sessionId       8x8's session, if any
 * @param callStatus      the payload's callStatus, if any
 * @param outcome         ANSWERED, FALLBACK, ACKNOWLEDGED or IGNORED
 * @param ruleName        the deciding rule with its version ({@code set/id@v3}), if a rule decided
 * @param rule            the deciding rule without version ({@code set/id}); null for rows from before the trace
 * @param version         the rules version that answered (0: unpublished rules), null when unknown
 * @param fallbackReason  why the fallback was answered, as a sentence
 * @param fallbackKind    the same as a short code ({@code no_match}, {@code deadline}…)
 * @param decisionMicros  time spent deciding
 * @param totalMicros     time from arrival to answer
 * @param body            the body as stored
 * @param maskingSession  the number-masking session the call was answered with, if any
 * @param source          the calling party as stored
 * @param destination     the called party as stored
 * @param matchedRules    every rule that matched, the winner first
 * @param menuIn          the menu the caller was in
 * @param menuOut         the menu the answer put the caller in
 * @param dtmf            {@code key:<k>}, {@code digits:<n>}, {@code timeout} or null
 * @param pluginCalls     JSON array of {plugin, calls, micros, failures}, or null
 */
public record LoggedCall(long id, Instant receivedAt, String eventType, String eventId, String sessionId,
                         String callStatus, String outcome, String ruleName, String rule, Integer version,
                         String fallbackReason, String fallbackKind, Long decisionMicros, Long totalMicros,
                         String body, String maskingSession, String source, String destination,
                         List<String> matchedRules, String menuIn, String menuOut, String dtmf,
                         String pluginCalls) {

    public LoggedCall {
        matchedRules = matchedRules == null ? List.of() : List.copyOf(matchedRules);
    }

    /**
     * The rule that answered, {@code set/id}: the recorded deciding rule, or for rows written before the decision
     * trace existed, {@code rule_name} without its {@code @vN}; null when no rule answered.
     */
    public String answeringRule() {
        if (rule != null || ruleName == null) {
            return rule;
        }
        int at = ruleName.lastIndexOf('@');
        return at < 0 ? ruleName : ruleName.substring(0, at);
    }

    /** Whether this row is a CALL_ACTION, the only kind a decision can be explained for. */
    public boolean isCallAction() {
        return "CALL_ACTION".equals(eventType);
    }

    /** Whether the fallback callflow was answered. */
    public boolean isFallback() {
        return "FALLBACK".equals(outcome);
    }
}
