package io.callroute.testcases;

import java.time.Instant;
import java.util.Optional;

/**
 * The call log as far as test cases need it: one logged webhook by its log id, or a CALL_ACTION by 8x8's eventId.
 * An interface so the call-log feature can answer it; {@link WebhookEventCalls} reads the table directly meanwhile.
 */
public interface LoggedCalls {

    /** The logged webhook with this id ({@code webhook_event.id}). */
    Optional<LoggedEvent> find(long id);

    /** The newest logged CALL_ACTION with this 8x8 eventId. */
    Optional<LoggedEvent> findByEventId(String eventId);

    /**
     * One logged webhook.
     *
     * @param id         its id in the call log
     * @param eventType  the envelope's eventType as sent
     * @param receivedAt when it arrived
     * @param body       the body with numbers masked, or null when it was not kept
     * @param ruleName   the rule that answered, {@code set/id@vN} or {@code set/id}; null when none did
     * @param outcome    {@code ANSWERED}, {@code FALLBACK}, {@code ACKNOWLEDGED} or {@code IGNORED}
     */
    record LoggedEvent(long id, String eventType, Instant receivedAt, String body, String ruleName,
                       String outcome) {

        /** The rule without the version that answered: {@code set/id}; null when none did. */
        public String rule() {
            if (ruleName == null) {
                return null;
            }
            int at = ruleName.lastIndexOf('@');
            return at < 0 ? ruleName : ruleName.substring(0, at);
        }
    }
}
