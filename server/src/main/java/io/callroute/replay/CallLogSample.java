package io.callroute.replay;

import io.callroute.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the CALL_ACTIONs a replay asks for from the call log ({@code webhook_event}), newest first. */
public final class CallLogSample {

    private static final String SELECT = "SELECT id, received_at, session_id, body FROM webhook_event"
            + " WHERE event_type = 'CALL_ACTION'";
    private static final String NEWEST = " ORDER BY received_at DESC, id DESC FETCH FIRST ? ROWS ONLY";

    private final DataSource dataSource;

    public CallLogSample(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One logged CALL_ACTION.
     *
     * @param id         its call-log id
     * @param receivedAt when it arrived
     * @param sessionId  8x8's session, or null
     * @param body       the body with numbers masked, or null when it was not kept
     */
    public record LoggedCallAction(long id, Instant receivedAt, String sessionId, String body) {
    }

    /** The events the request selects, newest first; one more than its limit when more exist. */
    public List<LoggedCallAction> select(ReplayRequest request) {
        StringBuilder sql = new StringBuilder(SELECT);
        if (request.from() != null) {
            sql.append(" AND received_at >= ?");
        }
        if (request.to() != null) {
            sql.append(" AND received_at < ?");
        }
        sql.append(NEWEST);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            if (request.from() != null) {
                select.setTimestamp(parameter++, Timestamp.from(request.from()));
            }
            if (request.to() != null) {
                select.setTimestamp(parameter++, Timestamp.from(request.to()));
            }
            select.setInt(parameter, request.limit() + 1);
            try (ResultSet rows = select.executeQuery()) {
                List<LoggedCallAction> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(new LoggedCallAction(rows.getLong(1), rows.getTimestamp(2).toInstant(),
                            rows.getString(3), rows.getString(4)));
                }
                return events;
            }
        } catch (SQLException e) {
            throw new StoreException("reading CALL_ACTIONs from the call log", e);
        }
    }
}
