package io.callroute.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.event.CallEvent;
import io.callroute.http.ApiJson;
import io.callroute.webhook.CallEventReader;
import io.callroute.webhook.EnvelopeParser;
import io.callroute.webhook.VoiceEventType;
import io.callroute.webhook.WebhookEnvelope;
import io.callroute.webhook.WebhookRejection;

/**
 * Reads a CALL_ACTION again, from a body as the call log kept it or as a person pasted it into a test case, with the
 * webhook's own parsers: {@link EnvelopeParser} for the envelope, then {@link CallEventReader#readLogged}, so
 * numbers the log masked ({@code +659*****32}) are taken as they are rather than making the event unusable.
 * Thread-safe.
 */
public final class LoggedEventReader {

    private final EnvelopeParser envelopes;
    private final CallEventReader reader;

    public LoggedEventReader(EnvelopeParser envelopes, CallEventReader reader) {
        this.envelopes = envelopes;
        this.reader = reader;
    }

    /** The event of a whole webhook body; {@link UnreadableEvent} when it is not a readable CALL_ACTION. */
    public CallEvent read(byte[] body) {
        WebhookEnvelope envelope;
        try {
            envelope = envelopes.parse(body);
        } catch (WebhookRejection e) {
            throw new UnreadableEvent(e.field(), e.getMessage());
        }
        return payloadOf(envelope);
    }

    /**
     * A whole webhook body (as the call log kept it, possibly with 8x8's comments or trailing commas) as a plain JSON
     * envelope: namespace, eventType, description and payload. {@link UnreadableEvent} when it is no envelope.
     */
    public ObjectNode envelope(byte[] body) {
        WebhookEnvelope envelope;
        try {
            envelope = envelopes.parse(body);
        } catch (WebhookRejection e) {
            throw new UnreadableEvent(e.field(), e.getMessage());
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (envelope.namespace() != null) {
            node.put("namespace", envelope.namespace());
        }
        node.put("eventType", envelope.eventType());
        if (envelope.description() != null) {
            node.put("description", envelope.description());
        }
        node.set("payload", envelope.payload());
        return node;
    }

    /**
     * The event of a whole envelope, or of a bare CALL_ACTION payload (an object without {@code eventType}), as a
     * test case holds it. Problems name their field from {@code event}, e.g. {@code event.payload.callStatus}.
     */
    public CallEvent read(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new UnreadableEvent(null, "The event must be a JSON object: an 8x8 webhook body or its payload.");
        }
        boolean bare = !event.has("eventType");
        JsonNode envelope = bare ? wrap(event) : event;
        byte[] body;
        try {
            body = ApiJson.MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
        try {
            return payloadOf(envelopes.parse(body));
        } catch (WebhookRejection e) {
            throw new UnreadableEvent(field(e.field(), bare), e.getMessage());
        } catch (UnreadableEvent e) {
            throw new UnreadableEvent(field(e.field(), bare), e.getMessage());
        }
    }

    /** The CALL_ACTION of an envelope; problems name fields from the envelope ({@code payload.callStatus}). */
    private CallEvent payloadOf(WebhookEnvelope envelope) {
        if (!envelope.isVoice() || envelope.knownType() != VoiceEventType.CALL_ACTION) {
            throw new UnreadableEvent("eventType", "The event is a " + envelope.namespace() + " "
                    + envelope.eventType() + ", not a VOICE CALL_ACTION: only CALL_ACTIONs are answered by rules.");
        }
        try {
            return reader.readLogged(envelope.payload());
        } catch (WebhookRejection e) {
            throw new UnreadableEvent(e.field(), e.getMessage());
        }
    }

    private static ObjectNode wrap(JsonNode payload) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("namespace", "VOICE").put("eventType", VoiceEventType.CALL_ACTION.name());
        envelope.set("payload", payload);
        return envelope;
    }

    /** A field of the wrapped envelope as the author wrote the event: without "payload." for a bare payload. */
    private static String field(String envelopeField, boolean bare) {
        if (envelopeField == null) {
            return "event";
        }
        if (bare && envelopeField.startsWith("payload.")) {
            return "event." + envelopeField.substring("payload.".length());
        }
        return "event" + (envelopeField.isEmpty() ? "" : "." + envelopeField);
    }

    /** The body is not a CALL_ACTION that can be read. */
    public static final class UnreadableEvent extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final String field;

        public UnreadableEvent(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        /** Where the problem is, e.g. {@code payload.callStatus}, or null. */
        public String field() {
            return field;
        }
    }
}
