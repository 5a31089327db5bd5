package io.callroute.audit;

import io.callroute.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Records who did what to which object, with the state before and after, and answers questions about it.
 *
 * <p>Writes are synchronous and failures are thrown ({@link StoreException}), never swallowed: an audited change
 * must not succeed without its entry. A caller that changes something in a transaction passes its connection to
 * {@link #record(Connection, String, String, String, String, String)} so the change and the entry commit or roll
 * back together. Callers never pass secrets (passwords, hashes, tokens) as states.
 */
public final class AuditLog {

    /** The longest a before/after state may be (characters); longer ones are cut and marked. */
    static final int MAX_STATE_CHARS = 1_000_000;
    private static final String INSERT = "INSERT INTO audit_event (at, actor, action, target, before_state,"
            + " after_state) VALUES (?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Clock clock;

    public AuditLog(javax.sql.DataSource dataSource, java.time.Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Records one event on its own connection (committed at once).
     *
     * @param actor  username (or "system")
     * @param action e.g. {@code draft.update}, {@code version.publish}, {@code login.failed}
     * @param target what was acted on, e.g. {@code rule-set:inbound-ivr}, {@code version:12}, {@code user:alice}
     * @param before JSON (or YAML) text of the state before, or null
     * @param after  JSON (or YAML) text of the state after, or null
     */
    public void record(String actor, String action, String target, String before, String after) {
        try (Connection connection = dataSource.getConnection()) {
            record(connection, actor, action, target, before, after);
        } catch (SQLException e) {
            throw new StoreException("recording audit event " + action, e);
        }
    }

    /**
     * Records one event on the caller's connection, inside the caller's transaction (if any): the entry is stored
     * exactly when the caller's change is.
     */
    public void record(Connection connection, String actor, String action, String target, String before,
                       String after) {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setTimestamp(1, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
            insert.setString(2, clip(require(actor, "actor"), 64));
            insert.setString(3, clip(require(action, "action"), 64));
            insert.setString(4, clip(target, 256));
            insert.setString(5, clipState(before));
            insert.setString(6, clipState(after));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("recording audit event " + action, e);
        }
    }

    /** The events matching the query, newest first, at most {@code query.limit()} of them. */
    public List<AuditEvent> query(AuditQuery query) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, at, actor, action, target, before_state, after_state FROM audit_event WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        condition(sql, parameters, "actor", query.actor());
        condition(sql, parameters, "action", query.action());
        condition(sql, parameters, "target", query.target());
        if (query.since() != null) {
            sql.append(" AND at >= ?");
            parameters.add(Timestamp.from(query.since()));
        }
        if (query.until() != null) {
            sql.append(" AND at < ?");
            parameters.add(Timestamp.from(query.until()));
        }
        sql.append(" ORDER BY at DESC, id DESC FETCH FIRST ? ROWS ONLY");
        parameters.add(query.limit());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                List<AuditEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(new AuditEvent(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7)));
                }
                return events;
            }
        } catch (SQLException e) {
            throw new StoreException("querying the audit log", e);
        }
    }

    /** Exact match, or a prefix match when the value ends with {@code *} ({@code login.*}, {@code user:*}). */
    private static void condition(StringBuilder sql, List<Object> parameters, String column, String value) {
        if (value == null) {
            return;
        }
        if (value.endsWith("*")) {
            sql.append(" AND ").append(column).append(" LIKE ? ESCAPE '\\'");
            parameters.add(escapeLike(value.substring(0, value.length() - 1)) + "%");
        } else {
            sql.append(" AND ").append(column).append(" = ?");
            parameters.add(value);
        }
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an audit event needs an " + name);
        }
        return value;
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String clipState(String state) {
        return state == null || state.length() <= MAX_STATE_CHARS ? state
                : state.substring(0, MAX_STATE_CHARS) + "…[cut]";
    }
}
