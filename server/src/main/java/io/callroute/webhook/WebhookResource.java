package io.callroute.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.event.CallEvent;
import io.callroute.http.ApiError;
import io.callroute.http.BoundedBody;
import io.callroute.store.EventRecorder;
import io.callroute.store.RecordedEvent;
import io.callroute.store.RecordedEvent.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 8x8 voice webhooks. All endpoints behave alike and dispatch on the envelope's {@code eventType}, never on the
 * path, because 8x8 lets one URL receive several event types. A CALL_ACTION is answered with a callflow; every other
 * voice event is acknowledged with {@code {}} and recorded. Malformed input gets a 4xx naming the problem; nothing
 * here answers 5xx.
 */
@Path("/webhooks")
@WebhookProtected
public final class WebhookResource {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookResource.class);
    private static final byte[] ACKNOWLEDGED = "{}".getBytes(StandardCharsets.UTF_8);

    private final EnvelopeParser parser;
    private final CallEventReader eventReader;
    private final CallActionService callActions;
    private final EventRecorder recorder;
    private final MeterRegistry registry;
    private final int maxBodyBytes;
    private final Clock clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public WebhookResource(EnvelopeParser parser, CallEventReader eventReader, CallActionService callActions,
                           EventRecorder recorder, MeterRegistry registry, int maxBodyBytes, Clock clock) {
        this.parser = parser;
        this.eventReader = eventReader;
        this.callActions = callActions;
        this.recorder = recorder;
        this.registry = registry;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    @POST
    @Path("{endpoint: vca|vcs|vss|vru|vnu}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("endpoint") String endpoint,
                            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        Instant receivedAt = clock.instant();
        long startNanos = System.nanoTime();
        if (!ContentTypePolicy.mayBeJson(contentType)) {
            // Drained (bounded) although unread: a response sent while the body is still arriving makes the container
            // close the connection afterwards, and a client that already reused it for its next webhook gets no
            // answer at all (the fuzzer saw it: "header parser received no bytes" right after a 415).
            BoundedBody.discard(body);
            return reject(endpoint, new ApiError(415, "unsupported_media_type",
                    "Webhook bodies must be JSON; this request declared Content-Type "
                            + contentType.split(";", 2)[0].trim() + ".", null));
        }
        byte[] bytes;
        try {
            bytes = BoundedBody.read(body, maxBodyBytes);
        } catch (BoundedBody.TooLargeException e) {
            return reject(endpoint, new ApiError(413, "body_too_large",
                    "The body is larger than " + e.limit() + " bytes; 8x8 events are a few kilobytes.", null));
        } catch (IOException e) {
            return reject(endpoint, new ApiError(400, "unreadable_body",
                    "The request body could not be read: " + e.getMessage(), null));
        }
        WebhookEnvelope envelope;
        try {
            envelope = parser.parse(bytes);
        } catch (WebhookRejection rejection) {
            return reject(endpoint, asError(rejection));
        }
        try {
            return dispatch(endpoint, envelope, bytes, receivedAt, startNanos);
        } catch (WebhookRejection rejection) {
            return reject(endpoint, asError(rejection));
        } catch (RuntimeException e) {
            // Unexpected: still never a 5xx. A waiting caller gets the fallback, anything else an acknowledgement.
            LOG.error("Unexpected failure handling a {} webhook", envelope.eventType(), e);
            if (envelope.knownType() == VoiceEventType.CALL_ACTION) {
                Answer answer = callActions.fallbackFor("error", e.getClass().getSimpleName() + ": " + e.getMessage());
                recordFailure(envelope, bytes, receivedAt, startNanos, Outcome.FALLBACK, answer);
                return ok(endpoint, "fallback", answer.json());
            }
            recordFailure(envelope, bytes, receivedAt, startNanos, Outcome.ACKNOWLEDGED, null);
            return ok(endpoint, "acknowledged", ACKNOWLEDGED);
        }
    }

    private Response dispatch(String endpoint, WebhookEnvelope envelope, byte[] bytes, Instant receivedAt,
                              long startNanos) {
        String body = new String(bytes, StandardCharsets.UTF_8);
        if (!envelope.isVoice() || envelope.knownType() == null) {
            LOG.info("Ignored a webhook with namespace {} and eventType {}", clip(envelope.namespace()),
                    clip(envelope.eventType()));
            recorder.record(new RecordedEvent(receivedAt, clip(envelope.eventType()), null, null, null,
                    Outcome.IGNORED, null, null, null, body, null));
            return ok(endpoint, "ignored", ACKNOWLEDGED);
        }
        JsonNode payload = envelope.payload();
        if (envelope.knownType() == VoiceEventType.CALL_ACTION) {
            CallEvent event = eventReader.read(payload);
            Answer answer = callActions.answer(event);
            recorder.record(new RecordedEvent(receivedAt, envelope.eventType(), event.eventId(), event.sessionId(),
                    event.callStatus().name(), answer.isFallback() ? Outcome.FALLBACK : Outcome.ANSWERED,
                    answer.ruleName(), answer.fallbackReason(), answer.micros(), body, answer.maskingSession(),
                    event.source(), event.destination(), event.virtualNumber(),
                    (System.nanoTime() - startNanos) / 1_000, answer.trace()));
            return ok(endpoint, answer.isFallback() ? "fallback" : "answered", answer.json());
        }
        String source = text(payload, "source");
        String destination = text(payload, "destination");
        recorder.record(new RecordedEvent(receivedAt, envelope.eventType(), text(payload, "eventId"),
                text(payload, "sessionId"), text(payload, "callStatus"), Outcome.ACKNOWLEDGED, null, null, null,
                body, null, source, destination,
                "OUTBOUND".equals(text(payload, "callDirection")) ? source : destination, null, null));
        return ok(endpoint, "acknowledged", ACKNOWLEDGED);
    }

    /** The call log keeps a webhook that failed unexpectedly too, with why, so "why this callflow?" has an answer. */
    private void recordFailure(WebhookEnvelope envelope, byte[] bytes, Instant receivedAt, long startNanos,
                               Outcome outcome, Answer answer) {
        try {
            JsonNode payload = envelope.payload();
            recorder.record(new RecordedEvent(receivedAt, clip(envelope.eventType()), text(payload, "eventId"),
                    text(payload, "sessionId"), text(payload, "callStatus"), outcome, null,
                    answer == null ? null : answer.fallbackReason(), null, new String(bytes, StandardCharsets.UTF_8),
                    null, text(payload, "source"), text(payload, "destination"), null,
                    (System.nanoTime() - startNanos) / 1_000, answer == null ? null : answer.trace()));
        } catch (RuntimeException e) {
            LOG.warn("Could not record the failed webhook either: {}", e.toString());
        }
    }

    private Response ok(String endpoint, String outcome, byte[] json) {
        count(endpoint, outcome, 200);
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response reject(String endpoint, ApiError error) {
        count(endpoint, error.code(), error.status());
        LOG.warn("Rejected a webhook on /webhooks/{} with {} {}: {}", endpoint, error.status(), error.code(),
                error.message());
        return error.toResponse();
    }

    private void count(String endpoint, String outcome, int status) {
        // Looked up in a map of our own: building and registering the meter on every call cost more than the map.
        // The labels are bounded: the path's endpoint pattern, our own outcome codes, HTTP statuses.
        counters.computeIfAbsent(endpoint + ' ' + outcome + ' ' + status, key -> Counter
                .builder("callroute.webhook.requests").tag("endpoint", endpoint).tag("outcome", outcome)
                .tag("status", Integer.toString(status)).description("Webhook requests by endpoint and outcome")
                .register(registry)).increment();
    }

    private static ApiError asError(WebhookRejection rejection) {
        return new ApiError(rejection.status(), rejection.code(), rejection.getMessage(), rejection.field());
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload == null ? null : payload.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String clip(String value) {
        return value == null || value.length() <= 64 ? value : value.substring(0, 64);
    }
}
