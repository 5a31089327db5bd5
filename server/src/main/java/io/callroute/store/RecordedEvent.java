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
 * @param body           the body as received (UTF-8); phone numbers in it are masked when it is stored
 * @param maskingSession the number-masking session a CALL_ACTION was answered with, if any
 * @param source         the calling party as sent, if any (masked when stored, unless it is the virtual number)
 * @param destination    the called party as sent, if any (likewise)
 * @param virtualNumber  our own number on this leg, kept unmasked in the stored body and columns; null if unknown
 * @param totalMicros    how long the webhook took from arrival to answer, for CALL_ACTION
 * @param trace          why a CALL_ACTION got its answer; null for other events
 */
public record RecordedEvent(Instant receivedAt, String eventType, String eventId, String sessionId,
                            String callStatus, Outcome outcome, String ruleName, String fallbackReason,
                            Long decisionMicros, String body, String maskingSession, String source,
                            String destination, String virtualNumber, Long totalMicros, DecisionTrace trace) {

    /** An event without numbers, timings or trace. */
    public RecordedEvent(Instant receivedAt, String eventType, String eventId, String sessionId, String callStatus,
                         Outcome outcome, String ruleName, String fallbackReason, Long decisionMicros, String body,
                         String maskingSession) {
        this(receivedAt, eventType, eventId, sessionId, callStatus, outcome, ruleName, fallbackReason,
                decisionMicros, body, maskingSession, null, null, null, null, null);
    }

    /** Longest body stored (the column's size); far above the default webhook cap of 64 KiB. */
    static final int MAX_BODY_CHARS = 1_000_000;

    public RecordedEvent {
        // Clipped to the column sizes so that an unusual value can never make the whole batch fail to insert.
        eventType = clip(eventType, 64);
        eventId = clip(eventId, 256);
        sessionId = clip(sessionId, 256);
        callStatus = clip(callStatus, 64);
        ruleName = clip(ruleName, 200);
        fallbackReason = clip(fallbackReason, 2000);
        body = clip(body, MAX_BODY_CHARS);
        source = clip(source, 40);
        destination = clip(destination, 40);
        virtualNumber = clip(virtualNumber, 40);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

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
