package io.callroute.calllog;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.http.ApiJson;
import io.callroute.store.StoreException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads the call log ({@code webhook_event}, written by the store's recorder): one row by id, or rows by filter,
 * newest first with keyset paging. Never used on the call path.
 */
public final class CallLog {

    private static final String COLUMNS = "id, received_at, event_type, event_id, session_id, call_status, outcome,"
            + " rule_name, deciding_rule, rules_version, fallback_reason, fallback_kind, decision_micros,"
            + " total_micros, body, masking_session_id, source_number, destination_number, matched_rules, menu_in,"
            + " menu_out, dtmf, plugin_calls";

    private final DataSource dataSource;

    public CallLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The row with this id, if it is (still) in the log. */
    public Optional<LoggedCall> find(long id) {
        List<LoggedCall> found = select("SELECT " + COLUMNS + " FROM webhook_event WHERE id = ?", List.of(id),
                "reading call " + id);
        return found.stream().findFirst();
    }

    /** The newest logged CALL_ACTION with this 8x8 eventId (8x8 may deliver one event twice). */
    public Optional<LoggedCall> findCallAction(String eventId) {
        List<LoggedCall> found = select("SELECT " + COLUMNS + " FROM webhook_event WHERE event_id = ?"
                + " AND event_type = 'CALL_ACTION' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", List.of(eventId),
                "reading the call of event " + eventId);
        return found.stream().findFirst();
    }

    /** The rows matching {@code query}, newest (largest id) first, at most {@code query.limit()}. */
    public List<LoggedCall> list(CallQuery query) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM webhook_event WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.before() != null) {
            sql.append(" AND id < ?");
            parameters.add(query.before());
        }
        if (query.from() != null) {
            sql.append(" AND received_at >= ?");
            parameters.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND received_at < ?");
            parameters.add(Timestamp.from(query.to()));
        }
        if (query.session() != null) {
            sql.append(" AND session_id = ?");
            parameters.add(query.session());
        }
        if (query.rule() != null) {
            sql.append(query.rule().contains("@v") ? " AND rule_name = ?" : " AND deciding_rule = ?");
            parameters.add(query.rule());
        }
        if (query.outcome() != null) {
            sql.append(" AND outcome = ?");
            parameters.add(query.outcome());
        }
        if (query.numbers() != null && !query.numbers().isEmpty()) {
            String marks = String.join(", ", java.util.Collections.nCopies(query.numbers().size(), "?"));
            sql.append(" AND (source_number IN (").append(marks).append(") OR destination_number IN (")
                    .append(marks).append("))");
            parameters.addAll(query.numbers());
            parameters.addAll(query.numbers());
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(query.limit()).append(" ROWS ONLY");
        return select(sql.toString(), parameters, "listing the call log");
    }

    private List<LoggedCall> select(String sql, List<Object> parameters, String what) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                List<LoggedCall> calls = new ArrayList<>();
                while (rows.next()) {
                    calls.add(read(rows));
                }
                return calls;
            }
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    private static LoggedCall read(ResultSet row) throws SQLException {
        int version = row.getInt("rules_version");
        Integer rulesVersion = row.wasNull() ? null : version;
        long decision = row.getLong("decision_micros");
        Long decisionMicros = row.wasNull() ? null : decision;
        long total = row.getLong("total_micros");
        Long totalMicros = row.wasNull() ? null : total;
        return new LoggedCall(row.getLong("id"), row.getTimestamp("received_at").toInstant(),
                row.getString("event_type"), row.getString("event_id"), row.getString("session_id"),
                row.getString("call_status"), row.getString("outcome"), row.getString("rule_name"),
                row.getString("deciding_rule"), rulesVersion, row.getString("fallback_reason"),
                row.getString("fallback_kind"), decisionMicros, totalMicros, row.getString("body"),
                row.getString("masking_session_id"), row.getString("source_number"),
                row.getString("destination_number"), names(row.getString("matched_rules")),
                row.getString("menu_in"), row.getString("menu_out"), row.getString("dtmf"),
                row.getString("plugin_calls"));
    }

    private static List<String> names(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            List<String> names = new ArrayList<>();
            for (JsonNode name : ApiJson.MAPPER.readTree(json)) {
                names.add(name.asText());
            }
            return names;
        } catch (IOException e) {
            return List.of();
        }
    }
}
