package io.callroute.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outer object of every 8x8 webhook, as {@link EnvelopeParser} found it.
 *
 * @param namespace   as sent, or null when absent ({@code VOICE} for the events we handle)
 * @param eventType   as sent, never null
 * @param description as sent, or null when absent or not a string (informational only; never branch on it)
 * @param payload     the event body: always a JSON object when {@link #isVoice()} and {@link #knownType()} is not
 *                    null; for events we only acknowledge it is whatever was sent, possibly null
 */
public record WebhookEnvelope(String namespace, String eventType, String description, JsonNode payload) {

    static final String VOICE = "VOICE";

    /**
     * Whether the event is a voice event: it claims the VOICE namespace (exact match, as 8x8 sends it) or names
     * none. A missing namespace is read as VOICE because this endpoint only receives voice webhooks and a caller
     * may be waiting on a CALL_ACTION; ignoring it would leave the call without a callflow.
     */
    public boolean isVoice() {
        return namespace == null || VOICE.equals(namespace);
    }

    /** The event type if we know it (exact, case-sensitive match), otherwise null. */
    public VoiceEventType knownType() {
        return VoiceEventType.of(eventType);
    }

    /** Whether this is a voice event we handle, so its payload has been checked to be an object. */
    boolean isHandled() {
        return isVoice() && knownType() != null;
    }
}
