package io.callroute.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.http.ApiErrorException;
import io.callroute.publishing.Versions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * Which logged calls to replay, and against what: the newest {@code count} CALL_ACTIONs, or those received in
 * {@code [from, to)} (newest first, at most {@value #MAX_EVENTS}), each decided by the {@code against} rules (the
 * baseline, {@code live} by default) and by the {@code candidate} rules ({@code draft} by default).
 *
 * @param count     how many of the newest events, or null for a time range
 * @param from      first instant of the range (inclusive), or null for "from the start of the log"
 * @param to        end of the range (exclusive), or null for "until now"
 * @param against   the baseline: {@code live}, {@code draft} or a version number
 * @param candidate the rules under test: {@code live}, {@code draft} or a version number
 */
public record ReplayRequest(Integer count, Instant from, Instant to, String against, String candidate) {

    public static final int DEFAULT_COUNT = 1000;
    public static final int MAX_EVENTS = 10_000;
    private static final Set<String> KEYS = Set.of("count", "from", "to", "against", "candidate");

    public boolean isTimeRange() {
        return count == null;
    }

    /** How many events to read at most. */
    public int limit() {
        return count == null ? MAX_EVENTS : count;
    }

    /** Reads a request body; 400 naming the field for anything unusable. */
    public static ReplayRequest read(ObjectNode body) {
        for (Iterator<String> keys = body.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw invalid(key, "\"" + key + "\" is not known; the known ones are count, from, to, against and"
                        + " candidate.", "unknown_field");
            }
        }
        Instant from = instant(body, "from");
        Instant to = instant(body, "to");
        Integer count = count(body.get("count"));
        if (count != null && (from != null || to != null)) {
            throw invalid("count", "Give either \"count\" (the newest events) or \"from\"/\"to\" (a time range), not"
                    + " both.", "invalid_field");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw invalid("from", "\"from\" must be before \"to\".", "invalid_field");
        }
        if (count == null && from == null && to == null) {
            count = DEFAULT_COUNT;
        }
        return new ReplayRequest(count, from, to, reference(body, "against", Versions.LIVE),
                reference(body, "candidate", Versions.DRAFT));
    }

    /** The selection, as the report repeats it. */
    public ObjectNode selection() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (count != null) {
            node.put("count", count);
        } else {
            node.put("from", from == null ? null : from.toString());
            node.put("to", to == null ? null : to.toString());
            node.put("max", MAX_EVENTS);
        }
        return node;
    }

    private static Integer count(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1
                || node.intValue() > MAX_EVENTS) {
            throw invalid("count", "\"count\" must be a whole number from 1 to " + MAX_EVENTS + ".",
                    "invalid_field");
        }
        return node.intValue();
    }

    private static Instant instant(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.isTextual() ? node.textValue().strip() : "";
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid(field, "\"" + field + "\" must be an ISO-8601 time such as 2026-11-25T08:00:00Z.",
                        "invalid_field");
            }
        }
    }

    private static String reference(ObjectNode body, String field, String fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        String value = node.isTextual() ? node.textValue().strip() : node.isIntegralNumber() ? node.asText() : "";
        if (value.equals(Versions.LIVE) || value.equals(Versions.DRAFT) || value.matches("[1-9][0-9]{0,8}")) {
            return value;
        }
        throw invalid(field, "\"" + field + "\" must be \"live\", \"draft\" or a version number.", "invalid_field");
    }

    private static ApiErrorException invalid(String field, String message, String code) {
        return new ApiErrorException(400, code, message, field);
    }
}
