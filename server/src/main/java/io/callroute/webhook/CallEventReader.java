package io.callroute.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.event.CallEvent;

/** STUB — turns a CALL_ACTION/CALL_STATUS payload into a CallEvent; WebhookRejection (400) for shape errors. */
public final class CallEventReader {
    public CallEvent read(JsonNode payload) { throw new UnsupportedOperationException("stub"); }
}
