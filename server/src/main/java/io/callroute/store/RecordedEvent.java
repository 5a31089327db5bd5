package io.callroute.store;

import java.time.Instant;

/**
 * One webhook as recorded: what 8x8 sent and what we did.
 *
 * @param receivedAt     when it arrived
 * @param eventType      the envelope's eventType as sent (may be unknown to us)
 * @param eventId        8x8's event id, if any
 * @param sessionId      the session, if any
 * @param callStatus     the payload's callStatus, if any
 * @param outcome        what we did
 * @param ruleName       the rule that decided ({@code ruleSet/ruleId}), if one did
 * @param fallbackReason why the fallback was answered, if it was
 * @param decisionMicros how long answering took, for CALL_ACTION
 * @param body           the body as received (UTF-8)
 */
public record RecordedEvent(Instant receivedAt, String eventType, String eventId, String sessionId,
                            String callStatus, Outcome outcome, String ruleName, String fallbackReason,
                            Long decisionMicros, String body) {

    /** What the server did with a webhook. */
    public enum Outcome {
        /** A rule decided the callflow. */
        ANSWERED,
        /** The fallback callflow was answered; {@code fallbackReason} says why. */
        FALLBACK,
        /** An informational event (status, summary…) was acknowledged. */
        ACKNOWLEDGED,
        /** Well-formed but not ours to act on (unknown type or namespace). */
        IGNORED
    }
}
