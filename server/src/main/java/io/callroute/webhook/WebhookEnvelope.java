package io.callroute.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/** STUB — a parsed 8x8 envelope. knownType() is null for an eventType we do not know (exact, case-sensitive match). */
public record WebhookEnvelope(String namespace, String eventType, String description, JsonNode payload) {
    public boolean isVoice() { throw new UnsupportedOperationException("stub"); }
    public VoiceEventType knownType() { throw new UnsupportedOperationException("stub"); }
}
