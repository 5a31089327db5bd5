package io.callroute.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.http.ApiErrorException;

/**
 * A validated {@code POST /api/simulate} body: which rules (a version number, {@code live} or {@code draft}) and the
 * CALL_ACTION payload to decide. The event may be given as 8x8 sends it (the envelope with {@code payload}), as the
 * bare payload, or under {@code "event"}; copying a webhook from a log must just work.
 *
 * @param version the rules to use
 * @param payload the CALL_ACTION payload object
 * @param field   the JSON path of the payload in the request, for error messages ({@code $.event.payload}…)
 */
record SimulationRequest(String version, JsonNode payload, String field) {

    static final String LIVE = "live";

    static SimulationRequest from(ObjectNode body, String versionParameter) {
        String version = version(body, versionParameter);
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
                        + " destination, timestamp…)", path);
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
