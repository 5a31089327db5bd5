package io.callroute.auth;

import io.callroute.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Browser sessions of the admin UI, kept in the database so that any node sharing it accepts the cookie. The
 * cookie value is a 256-bit random secret stored only as its SHA-256; each session also has its own CSRF token,
 * which the UI sends back in {@code X-CSRF-Token} on every change. Sessions end after {@link #LIFETIME}, at logout,
 * when the user is deleted or disabled, or when their password changes.
 */
public final class AdminSessions {

    /** How long a session lasts from login (absolute: a stolen cookie does not live forever). */
    public static final Duration LIFETIME = Duration.ofHours(8);

    private final DataSource dataSource;
    private final Clock clock;

    public AdminSessions(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * A session just opened; the only moment the cookie value exists outside the client.
     *
     * @param cookieValue the secret for the {@code callroute_session} cookie
     * @param csrfToken   what the client must send in {@code X-CSRF-Token} on changes
     */
    public record NewSession(String username, String cookieValue, String csrfToken, Instant expiresAt) {
    }

    /** A session that is valid now, with the current role of its (enabled) user. */
    public record ActiveSession(String username, Role role, String csrfToken, Instant expiresAt) {
    }

    /** Opens a session for the user (and clears expired ones, so the table does not grow). */
    public NewSession open(String username) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        NewSession session = new NewSession(username, Secrets.randomToken(32), Secrets.randomToken(32),
                now.plus(LIFETIME));
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement purge = connection.prepareStatement(
                    "DELETE FROM admin_session WHERE expires_at <= ?")) {
                purge.setTimestamp(1, Timestamp.from(now));
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO admin_session (id_hash,"
                    + " username, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, Secrets.sha256Hex(session.cookieValue()));
                insert.setString(2, username);
                insert.setString(3, session.csrfToken());
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setTimestamp(5, Timestamp.from(session.expiresAt()));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("opening a session for " + username, e);
        }
        return session;
    }

    /** The session of a cookie value, when it exists, has not expired and its user is enabled. */
    public Optional<ActiveSession> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT s.username, u.role, s.csrf_token,"
                     + " s.expires_at FROM admin_session s JOIN app_user u ON u.username = s.username"
                     + " WHERE s.id_hash = ? AND s.expires_at > ? AND u.disabled = FALSE")) {
            select.setString(1, Secrets.sha256Hex(cookieValue));
            select.setTimestamp(2, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ActiveSession(rows.getString(1), Role.valueOf(rows.getString(2)),
                        rows.getString(3), rows.getTimestamp(4).toInstant()));
            }
        } catch (SQLException e) {
            throw new StoreException("reading a session", e);
        }
    }

    /** Ends the session of a cookie value; returns whether there was one. */
    public boolean close(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM admin_session WHERE id_hash = ?")) {
            delete.setString(1, Secrets.sha256Hex(cookieValue));
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("closing a session", e);
        }
    }

    /** Ends every session of a user, inside the caller's transaction. */
    public void deleteForUser(Connection connection, String username) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM admin_session WHERE username = ?")) {
            delete.setString(1, username);
            delete.executeUpdate();
        }
    }

    /** Ends every session of a user but the one of {@code keepCookieValue} (all when null); returns how many. */
    public int deleteOthersForUser(Connection connection, String username, String keepCookieValue)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM admin_session WHERE username = ? AND id_hash <> ?")) {
            delete.setString(1, username);
            delete.setString(2, keepCookieValue == null ? "" : Secrets.sha256Hex(keepCookieValue));
            return delete.executeUpdate();
        }
    }
}
