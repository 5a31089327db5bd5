package io.callroute.auth;

import io.callroute.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code app_user} table. Methods that change users take the caller's connection so the change can share a
 * transaction with its audit entry ({@link UserAdmin}); reads used on every request take their own.
 */
public final class UserStore {

    private static final String COLUMNS = "username, role, disabled, created_at, updated_at";

    private final DataSource dataSource;
    private final Clock clock;

    public UserStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A user with their password hash, for checking a login. */
    public record WithHash(User user, String passwordHash) {
    }

    public boolean isEmpty() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM app_user");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1) == 0;
        } catch (SQLException e) {
            throw new StoreException("counting users", e);
        }
    }

    /** The user and their hash, for a login; empty when there is no such user. */
    public Optional<WithHash> findForLogin(String username) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + COLUMNS + ", password_hash FROM app_user WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new WithHash(read(rows), rows.getString(6))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading user " + username, e);
        }
    }

    public Optional<User> find(String username) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, username, false);
        } catch (SQLException e) {
            throw new StoreException("reading user " + username, e);
        }
    }

    /** The user, optionally locking the row until the caller's transaction ends. */
    public Optional<User> find(Connection connection, String username, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM app_user WHERE username = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, username);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** Every user, by name. */
    public List<User> list() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM app_user ORDER BY username");
             ResultSet rows = select.executeQuery()) {
            List<User> users = new ArrayList<>();
            while (rows.next()) {
                users.add(read(rows));
            }
            return users;
        } catch (SQLException e) {
            throw new StoreException("listing users", e);
        }
    }

    /** Adds a user; returns it as stored. */
    public User insert(Connection connection, String username, String passwordHash, Role role) throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO app_user (username, password_hash,"
                + " role, disabled, created_at, updated_at) VALUES (?, ?, ?, FALSE, ?, ?)")) {
            insert.setString(1, username);
            insert.setString(2, passwordHash);
            insert.setString(3, role.name());
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.executeUpdate();
        }
        return new User(username, role, false, now, now);
    }

    /** Stores a user's new role and disabled flag, and the new hash when it is not null; returns the user. */
    public User update(Connection connection, User user, String newPasswordHash) throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String sql = "UPDATE app_user SET role = ?, disabled = ?, updated_at = ?"
                + (newPasswordHash == null ? "" : ", password_hash = ?") + " WHERE username = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, user.role().name());
            update.setBoolean(2, user.disabled());
            update.setTimestamp(3, Timestamp.from(now));
            int next = 4;
            if (newPasswordHash != null) {
                update.setString(next++, newPasswordHash);
            }
            update.setString(next, user.username());
            update.executeUpdate();
        }
        return new User(user.username(), user.role(), user.disabled(), user.createdAt(), now);
    }

    /** Deletes a user; their tokens and sessions go with them (foreign keys cascade). */
    public void delete(Connection connection, String username) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM app_user WHERE username = ?")) {
            delete.setString(1, username);
            delete.executeUpdate();
        }
    }

    /** How many enabled admins there are, locking their rows so two concurrent demotions cannot both pass. */
    public int countActiveAdminsLocked(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT username FROM app_user WHERE role = 'ADMIN' AND disabled = FALSE FOR UPDATE");
             ResultSet rows = select.executeQuery()) {
            int count = 0;
            while (rows.next()) {
                count++;
            }
            return count;
        }
    }

    private static User read(ResultSet rows) throws SQLException {
        return new User(rows.getString(1), Role.valueOf(rows.getString(2)), rows.getBoolean(3),
                rows.getTimestamp(4).toInstant(), rows.getTimestamp(5).toInstant());
    }
}
