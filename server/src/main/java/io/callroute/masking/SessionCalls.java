package io.callroute.masking;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.event.PhoneMask;
import io.callroute.http.ApiJson;
import io.callroute.store.StoreException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The calls of one masking session, from the call log: the CALL_ACTION events answered with the session (the call
 * path stores its id in {@code webhook_event.masking_session_id}) and the CALL_STATUS and SESSION_SUMMARY events of
 * the same 8x8 sessions. Bodies are never returned; the numbers in them are, masked.
 */
final class SessionCalls {

    static final int MAX_EVENTS = 1000;
    private static final String COLUMNS = "id, received_at, event_type, call_status, outcome, rule_name, session_id,"
            + " body";
    private static final String SQL = "SELECT " + COLUMNS + " FROM webhook_event WHERE masking_session_id = ?"
            + " UNION ALL SELECT " + COLUMNS + " FROM webhook_event WHERE event_type IN ('CALL_STATUS',"
            + " 'SESSION_SUMMARY') AND (masking_session_id IS NULL OR masking_session_id <> ?) AND session_id IN"
            + " (SELECT session_id FROM webhook_event WHERE masking_session_id = ? AND session_id IS NOT NULL)"
            + " ORDER BY 2, 1 FETCH FIRST " + MAX_EVENTS + " ROWS ONLY";

    private final DataSource dataSource;

    SessionCalls(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The session's events, oldest first, at most {@value #MAX_EVENTS}. */
    List<Map<String, Object>> of(String maskingSessionId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SQL)) {
            select.setString(1, maskingSessionId);
            select.setString(2, maskingSessionId);
            select.setString(3, maskingSessionId);
            try (ResultSet rows = select.executeQuery()) {
                List<Map<String, Object>> events = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("receivedAt", rows.getTimestamp(2).toInstant());
                    event.put("eventType", rows.getString(3));
                    event.put("callStatus", rows.getString(4));
                    event.put("outcome", rows.getString(5));
                    event.put("ruleName", rows.getString(6));
                    event.put("sessionId", rows.getString(7));
                    event.putAll(numbers(rows.getString(8)));
                    events.add(event);
                }
                return events;
            }
        } catch (SQLException e) {
            throw new StoreException("reading the calls of masking session " + maskingSessionId, e);
        }
    }

    /**
     * What the body says about who called whom, masked: {@code source}/{@code destination} of a call event; the
     * session status and each leg's masked numbers, status and duration of a summary.
     */
    static Map<String, Object> numbers(String body) {
        Map<String, Object> found = new LinkedHashMap<>();
        JsonNode payload;
        try {
            payload = body == null ? null : ApiJson.MAPPER.readTree(body).path("payload");
        } catch (IOException e) {
            return found;
        }
        if (payload == null || !payload.isObject()) {
            return found;
        }
        putMasked(found, payload, "source");
        putMasked(found, payload, "destination");
        if (payload.path("sessionStatus").isTextual()) {
            found.put("sessionStatus", payload.get("sessionStatus").asText());
        }
        JsonNode details = payload.path("details");
        if (details.isObject()) {
            List<Map<String, Object>> legs = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> leg = it.next();
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("leg", leg.getKey());
                putMasked(summary, leg.getValue(), "source");
                putMasked(summary, leg.getValue(), "destination");
                if (leg.getValue().path("callStatus").isTextual()) {
                    summary.put("callStatus", leg.getValue().get("callStatus").asText());
                }
                if (leg.getValue().path("callDuration").isNumber()) {
                    summary.put("callDuration", leg.getValue().get("callDuration").asLong());
                }
                legs.add(summary);
            }
            found.put("legs", legs);
        }
        return found;
    }

    private static void putMasked(Map<String, Object> target, JsonNode node, String field) {
        if (node.path(field).isTextual()) {
            target.put(field, PhoneMask.mask(node.get(field).asText()));
        }
    }
}
