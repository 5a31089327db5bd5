package io.callroute.masking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads a create request's JSON into a {@link NewSession}: types only (400 naming the field), the rules are
 * {@link SessionValidator}'s. Unknown keys are refused, so that a misspelt {@code "expiry"} is not silently a
 * session that never expires.
 */
final class SessionRequests {

    static final Set<String> KEYS = Set.of("virtualNumber", "partyA", "partyB", "expiresAt", "reference",
            "recording", "greeting");

    private SessionRequests() {
    }

    static NewSession read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new ApiErrorException(400, "malformed_json", "A session must be a JSON object.", null);
        }
        ObjectNode body = (ObjectNode) node;
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new ApiErrorException(400, "unknown_field", "\"" + name + "\" is not a session field; use "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)) + ".", name);
            }
        }
        Boolean recording = ApiJson.optionalBoolean(body, "recording");
        return new NewSession(
                ApiJson.optionalString(body, "virtualNumber"),
                ApiJson.optionalString(body, "partyA"),
                ApiJson.optionalString(body, "partyB"),
                instant(ApiJson.optionalString(body, "expiresAt")),
                ApiJson.optionalString(body, "reference"),
                recording != null && recording,
                ApiJson.optionalString(body, "greeting"));
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiErrorException(400, "invalid_expiry", "\"expiresAt\" must be an ISO-8601 time with its "
                    + "offset, e.g. 2026-05-01T18:30:00+08:00 or 2026-05-01T10:30:00Z.", "expiresAt");
        }
    }
}
