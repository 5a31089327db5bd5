package io.callroute.masking;

import io.callroute.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import javax.sql.DataSource;

/**
 * The SQL of masking sessions ({@code masking_session}, {@code masking_party}). Methods taking a {@link Connection}
 * run inside the caller's transaction; the others use a connection of their own. Every change moves
 * {@code updated_at}, which is how other nodes learn about it.
 */
final class MaskingStore {

    private static final String COLUMNS = "id, virtual_number, party_a, party_b, reference, recording, greeting,"
            + " created_at, created_by, expires_at, ended_at, ended_by";
    /** SQLSTATE of a unique or primary key violation. */
    private static final String DUPLICATE_KEY = "23505";

    private final DataSource dataSource;

    MaskingStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Another transaction took a (virtual number, party) or a reference first; nothing was stored. */
    static final class DuplicateKey extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateKey(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    Optional<MaskingSession> find(String id) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, id, false);
        } catch (SQLException e) {
            throw new StoreException("reading masking session", e);
        }
    }

    Optional<MaskingSession> find(Connection connection, String id, boolean forUpdate) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM masking_session WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""), id);
    }

    /** The session holding {@code reference} (live, or expired and not yet cleaned up), locked. */
    Optional<MaskingSession> holderOfReference(Connection connection, String reference) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM masking_session WHERE live_reference = ? FOR UPDATE",
                reference);
    }

    /** The id of the session holding (virtual number, party), locked; empty when the pair is free. */
    Optional<String> holderOfParty(Connection connection, String virtualNumber, String party) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT session_id FROM masking_party WHERE virtual_number = ? AND party = ? FOR UPDATE")) {
            select.setString(1, virtualNumber);
            select.setString(2, party);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** Stores a new session and claims its two pairs (and its reference); {@link DuplicateKey} if taken. */
    void insert(Connection connection, MaskingSession session) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO masking_session (" + COLUMNS
                + ", live_reference, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)");
             PreparedStatement party = connection.prepareStatement(
                     "INSERT INTO masking_party (virtual_number, party, session_id) VALUES (?, ?, ?)")) {
            insert.setString(1, session.id());
            insert.setString(2, session.virtualNumber());
            insert.setString(3, session.partyA());
            insert.setString(4, session.partyB());
            insert.setString(5, session.reference());
            insert.setBoolean(6, session.recording());
            insert.setString(7, session.greeting());
            insert.setTimestamp(8, Timestamp.from(session.createdAt()));
            insert.setString(9, session.createdBy());
            insert.setTimestamp(10, timestamp(session.expiresAt()));
            insert.setString(11, session.reference());
            insert.setTimestamp(12, Timestamp.from(session.createdAt()));
            insert.executeUpdate();
            for (String member : new String[] {session.partyA(), session.partyB()}) {
                party.setString(1, session.virtualNumber());
                party.setString(2, member);
                party.setString(3, session.id());
                party.executeUpdate();
            }
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                throw new DuplicateKey(e);
            }
            throw e;
        }
    }

    /**
     * Frees what a session that is no longer live still holds — its pairs and its reference — so a new session
     * can take them. Used for expired sessions found in the way of a create, and when ending.
     */
    void release(Connection connection, String id, Instant now) throws SQLException {
        try (PreparedStatement parties = connection.prepareStatement(
                "DELETE FROM masking_party WHERE session_id = ?");
             PreparedStatement session = connection.prepareStatement(
                     "UPDATE masking_session SET live_reference = NULL, updated_at = ? WHERE id = ?")) {
            parties.setString(1, id);
            parties.executeUpdate();
            session.setTimestamp(1, Timestamp.from(now));
            session.setString(2, id);
            session.executeUpdate();
        }
    }

    void end(Connection connection, String id, String by, Instant now) throws SQLException {
        release(connection, id, now);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE masking_session SET ended_at = ?, ended_by = ?, updated_at = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, by);
            update.setTimestamp(3, Timestamp.from(now));
            update.setString(4, id);
            update.executeUpdate();
        }
    }

    List<MaskingSession> list(SessionQuery query, Instant now) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM masking_session WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.virtualNumber() != null) {
            sql.append(" AND virtual_number = ?");
            parameters.add(query.virtualNumber());
        }
        if (query.reference() != null) {
            sql.append(" AND reference = ?");
            parameters.add(query.reference());
        }
        if (query.party() != null) {
            // A union of two index look-ups rather than an OR, which the planner may answer with a full scan.
            sql.append(" AND id IN (SELECT id FROM masking_session WHERE party_a = ?"
                    + " UNION SELECT id FROM masking_session WHERE party_b = ?)");
            parameters.add(query.party());
            parameters.add(query.party());
        }
        if (query.state() != null) {
            Timestamp at = Timestamp.from(now);
            switch (query.state()) {
                case LIVE -> {
                    sql.append(" AND ended_at IS NULL AND (expires_at IS NULL OR expires_at > ?)");
                    parameters.add(at);
                }
                case ENDED -> sql.append(" AND ended_at IS NOT NULL");
                case EXPIRED -> {
                    sql.append(" AND ended_at IS NULL AND expires_at <= ?");
                    parameters.add(at);
                }
            }
        }
        sql.append(" ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
        parameters.add(query.offset());
        parameters.add(query.limit());
        return select(sql.toString(), parameters.toArray());
    }

    /** Every session live at {@code now}: what a starting node loads into its directory. */
    List<MaskingSession> live(Instant now) {
        return select("SELECT " + COLUMNS + " FROM masking_session WHERE ended_at IS NULL"
                + " AND (expires_at IS NULL OR expires_at > ?)", Timestamp.from(now));
    }

    /** Sessions created, ended or released at or after {@code since}, oldest change first. */
    List<MaskingSession> changedSince(Instant since) {
        return select("SELECT " + COLUMNS + " FROM masking_session WHERE updated_at >= ? ORDER BY updated_at",
                Timestamp.from(since));
    }

    /** The virtual numbers with any stored session (live, or ended or expired within the retention). */
    Set<String> virtualNumbers() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT DISTINCT virtual_number FROM masking_session");
             ResultSet rows = select.executeQuery()) {
            Set<String> numbers = new HashSet<>();
            while (rows.next()) {
                numbers.add(rows.getString(1));
            }
            return numbers;
        } catch (SQLException e) {
            throw new StoreException("reading masking numbers", e);
        }
    }

    /**
     * Releases the pairs and references of sessions expired at {@code now}, and deletes sessions that ended or
     * expired before {@code cutoff} (their pairs go with them). Returns how many sessions were deleted.
     */
    int purge(Connection connection, Instant now, Instant cutoff) throws SQLException {
        Timestamp at = Timestamp.from(now);
        try (PreparedStatement parties = connection.prepareStatement("DELETE FROM masking_party WHERE session_id IN"
                + " (SELECT id FROM masking_session WHERE ended_at IS NULL AND expires_at <= ?)");
             PreparedStatement references = connection.prepareStatement("UPDATE masking_session SET"
                     + " live_reference = NULL, updated_at = ? WHERE live_reference IS NOT NULL"
                     + " AND ended_at IS NULL AND expires_at <= ?");
             PreparedStatement sessions = connection.prepareStatement("DELETE FROM masking_session"
                     + " WHERE ended_at < ? OR (ended_at IS NULL AND expires_at < ?)")) {
            parties.setTimestamp(1, at);
            parties.executeUpdate();
            references.setTimestamp(1, at);
            references.setTimestamp(2, at);
            references.executeUpdate();
            sessions.setTimestamp(1, Timestamp.from(cutoff));
            sessions.setTimestamp(2, Timestamp.from(cutoff));
            return sessions.executeUpdate();
        }
    }

    private Optional<MaskingSession> one(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(session(rows)) : Optional.empty();
            }
        }
    }

    private List<MaskingSession> select(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                List<MaskingSession> sessions = new ArrayList<>();
                while (rows.next()) {
                    sessions.add(session(rows));
                }
                return sessions;
            }
        } catch (SQLException e) {
            throw new StoreException("reading masking sessions", e);
        }
    }

    private static MaskingSession session(ResultSet rows) throws SQLException {
        return new MaskingSession(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getBoolean(6), rows.getString(7), instant(rows.getTimestamp(8)),
                rows.getString(9), instant(rows.getTimestamp(10)), instant(rows.getTimestamp(11)),
                rows.getString(12));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
