package io.callroute.plugins;

import io.callroute.plugin.SharedState;
import io.callroute.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A plugin's {@link SharedState} in table {@code plugin_state}, shared by every node on the same database. Each
 * {@link #compareAndSet} is one conditional statement (an {@code UPDATE … WHERE state_value = ?}, or an insert that
 * the primary key refuses when another node inserted first), so it is atomic across nodes without locks held
 * between statements. A {@code null} value removes the key.
 */
final class DatabaseSharedState implements SharedState {

    static final int MAX_KEY = 200;
    static final int MAX_VALUE = 4000;

    private final DataSource dataSource;
    private final String plugin;
    private final Clock clock;

    DatabaseSharedState(DataSource dataSource, String plugin, Clock clock) {
        this.dataSource = dataSource;
        this.plugin = plugin;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String key) {
        checkKey(key);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT state_value FROM plugin_state WHERE plugin = ? AND state_key = ?")) {
            select.setString(1, plugin);
            select.setString(2, key);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading shared state " + key + " of plugin " + plugin, e);
        }
    }

    @Override
    public boolean compareAndSet(String key, String expected, String value) {
        checkKey(key);
        if (value != null && value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("shared state values are at most " + MAX_VALUE + " characters");
        }
        if (Objects.equals(expected, value)) {
            return Objects.equals(get(key).orElse(null), expected);
        }
        try (Connection connection = dataSource.getConnection()) {
            if (expected == null) {
                return insert(connection, key, value);
            }
            if (value == null) {
                return change(connection, "DELETE FROM plugin_state WHERE plugin = ? AND state_key = ?"
                        + " AND state_value = ?", null, key, expected);
            }
            return change(connection, "UPDATE plugin_state SET state_value = ?, updated_at = ? WHERE plugin = ?"
                    + " AND state_key = ? AND state_value = ?", value, key, expected);
        } catch (SQLException e) {
            throw new StoreException("changing shared state " + key + " of plugin " + plugin, e);
        }
    }

    private boolean insert(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO plugin_state (plugin, state_key, state_value, updated_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, plugin);
            insert.setString(2, key);
            insert.setString(3, value);
            insert.setTimestamp(4, now());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;   // the key exists: its value is not the expected absence
            }
            throw e;
        }
    }

    private boolean change(Connection connection, String sql, String value, String key, String expected)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            if (value != null) {
                statement.setString(index++, value);
                statement.setTimestamp(index++, now());
            }
            statement.setString(index++, plugin);
            statement.setString(index++, key);
            statement.setString(index, expected);
            return statement.executeUpdate() == 1;
        }
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("shared state keys are 1 to " + MAX_KEY + " characters");
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
}
