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

    /** Whether the event claims the VOICE namespace (exact match, as 8x8 sends it). */
    public boolean isVoice() {
        return VOICE.equals(namespace);
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
