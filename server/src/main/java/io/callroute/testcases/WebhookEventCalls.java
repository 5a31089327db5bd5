package io.callroute.testcases;

import io.callroute.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link LoggedCalls} read straight from the {@code webhook_event} table. */
public final class WebhookEventCalls implements LoggedCalls {

    private static final String COLUMNS = "id, event_type, received_at, body, rule_name, outcome";

    private final DataSource dataSource;

    public WebhookEventCalls(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<LoggedEvent> find(long id) {
        return one("SELECT " + COLUMNS + " FROM webhook_event WHERE id = ?", id, "call " + id);
    }

    @Override
    public Optional<LoggedEvent> findByEventId(String eventId) {
        return one("SELECT " + COLUMNS + " FROM webhook_event WHERE event_id = ? AND event_type = 'CALL_ACTION'"
                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", eventId, "the call of event " + eventId);
    }

    private Optional<LoggedEvent> one(String sql, Object key, String what) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, key);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LoggedEvent(rows.getLong(1), rows.getString(2),
                        rows.getTimestamp(3).toInstant(), rows.getString(4), rows.getString(5), rows.getString(6)));
            }
        } catch (SQLException e) {
            throw new StoreException("reading " + what + " from the call log", e);
        }
    }
}
