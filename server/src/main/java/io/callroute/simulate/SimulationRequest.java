package io.callroute.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.http.ApiErrorException;
import java.util.List;

/**
 * A validated {@code POST /api/simulate} body: which rules (a version number, {@code live} or {@code draft}) and the
 * CALL_ACTION payload to decide. The event may be given as 8x8 sends it (the envelope with {@code payload}), as the
 * bare payload, or under {@code "event"} — copying a webhook from a log must just work — or composed from a plain
 * description under {@code "call"} ({@link ComposedCall}).
 *
 * @param version the rules to use
 * @param payload the CALL_ACTION payload object
 * @param field   the JSON path of the payload in the request, for error messages ({@code $.event.payload}…)
 * @param notes   what composing the event assumed; empty for an event given as 8x8 sends it
 * @param composed whether the payload was composed from {@code "call"} (then it is shown in the result)
 */
record SimulationRequest(String version, JsonNode payload, String field, List<String> notes,
                         boolean composed) {

    SimulationRequest(String version, JsonNode payload, String field) {
        this(version, payload, field, List.of(), false);
    }

    static final String LIVE = "live";

    static SimulationRequest from(ObjectNode body, String versionParameter) {
        String version = version(body, versionParameter);
        if (body.has("call")) {
            if (body.has("event") || body.has("payload")) {
                throw new ApiErrorException(400, "invalid_field", "give either a composed \"call\" or an 8x8 event,"
                        + " not both", "$.call");
            }
            ComposedCall call = ComposedCall.from(body.get("call"), "$.call");
            return new SimulationRequest(version, call.payload(), "$.call", call.notes(), true);
        }
        JsonNode event = body;
        String path = "$";
        if (body.has("event")) {
            event = body.get("event");
            path = "$.event";
            if (!event.isObject()) {
                throw new ApiErrorException(400, "invalid_field", "must be the 8x8 event: a JSON object", path);
            }
        }
        if (!event.has("payload")) {
            if (!event.has("callStatus") && !event.has("eventId")) {
                throw new ApiErrorException(400, "invalid_field", "must be an 8x8 CALL_ACTION event: an envelope with"
                        + " \"eventType\" and \"payload\", or the payload itself (with callStatus, source,"
                        + " destination, timestamp…); or describe the call under \"call\"", path);
            }
            return new SimulationRequest(version, event, path);
        }
        JsonNode eventType = event.get("eventType");
        if (eventType != null && !"CALL_ACTION".equals(eventType.asText())) {
            throw new ApiErrorException(422, "not_a_call_action", "is " + eventType + "; only CALL_ACTION events are"
                    + " answered by rules (the others are acknowledged with {})", path + ".eventType");
        }
        JsonNode namespace = event.get("namespace");
        if (namespace != null && !namespace.isNull() && !"VOICE".equals(namespace.asText())) {
            throw new ApiErrorException(422, "not_a_call_action", "is " + namespace + "; the webhook acts on VOICE"
                    + " events only", path + ".namespace");
        }
        JsonNode payload = event.get("payload");
        if (!payload.isObject()) {
            throw new ApiErrorException(400, "invalid_field", "must be a JSON object", path + ".payload");
        }
        return new SimulationRequest(version, payload, path + ".payload");
    }

    private static String version(ObjectNode body, String parameter) {
        JsonNode inBody = body.remove("version");
        String fromBody = null;
        if (inBody != null && !inBody.isNull()) {
            if (!inBody.isTextual() && !inBody.canConvertToInt()) {
                throw new ApiErrorException(400, "invalid_field", "must be a version number, \"live\" or \"draft\"",
                        "$.version");
            }
            fromBody = inBody.asText();
        }
        if (fromBody != null && parameter != null && !fromBody.equals(parameter)) {
            throw new ApiErrorException(400, "invalid_parameter", "says " + parameter + " but the body's \"version\""
                    + " says " + fromBody + "; give one", "version");
        }
        String version = fromBody != null ? fromBody : parameter;
        return version == null || version.isBlank() ? LIVE : version.strip();
    }
}
