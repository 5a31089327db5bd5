package io.callroute.webhook;

/** STUB — parses a webhook body (bytes) into an envelope; throws WebhookRejection for malformed input. Thread-safe. */
public final class EnvelopeParser {
    public WebhookEnvelope parse(byte[] body) { throw new UnsupportedOperationException("stub"); }
}
