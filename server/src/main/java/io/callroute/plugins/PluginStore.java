package io.callroute.plugins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.audit.AuditLog;
import io.callroute.http.ApiJson;
import io.callroute.store.ChangeFeed;
import io.callroute.store.StoreException;
import io.callroute.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What admins decided about each plugin, in table {@code plugin}: whether it is enabled and its settings. A plugin
 * seen for the first time is inserted disabled, so dropping a jar into the folder never runs its code unasked.
 */
final class PluginStore {

    /** One plugin's row. */
    record Row(String name, boolean enabled, Map<String, String> settings) {
        Row {
            settings = Map.copyOf(settings);
        }
    }

    private final DataSource dataSource;
    private final Clock clock;

    PluginStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * The plugin's row, inserting a disabled one without settings when it has none yet. Two nodes discovering the
     * same plugin at once both end up reading the one row that won.
     */
    Row discovered(String name) {
        Optional<Row> row = find(name);
        if (row.isPresent()) {
            return row.get();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO plugin (name, enabled, settings,"
                     + " updated_at, updated_by) VALUES (?, FALSE, '{}', ?, 'system')")) {
            insert.setString(1, name);
            insert.setTimestamp(2, now());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw new StoreException("recording plugin " + name, e);
            }
        }
        return find(name).orElse(new Row(name, false, Map.of()));
    }

    /** Every plugin's row, by name. */
    Map<String, Row> all() {
        return Transactions.inTransaction(dataSource, "reading the plugins", connection -> {
            Map<String, Row> rows = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT name, enabled, settings FROM plugin");
                 ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), new Row(result.getString(1), result.getBoolean(2),
                            read(result.getString(3))));
                }
            }
            return rows;
        });
    }

    Optional<Row> find(String name) {
        return Transactions.inTransaction(dataSource, "reading plugin " + name, connection -> find(connection, name));
    }

    /**
     * Stores the admin's decision and its audit entry together.
     *
     * @param auditAfter the audit text of the new state, secrets already masked
     */
    void save(Row row, String actor, AuditLog audit, String auditBefore, String auditAfter) {
        Transactions.inTransaction(dataSource, "saving plugin " + row.name(), connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE plugin SET enabled = ?, settings = ?,"
                    + " updated_at = ?, updated_by = ? WHERE name = ?")) {
                update.setBoolean(1, row.enabled());
                update.setString(2, write(row.settings()));
                update.setTimestamp(3, now());
                update.setString(4, actor);
                update.setString(5, row.name());
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO plugin (name, enabled,"
                            + " settings, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)")) {
                        insert.setString(1, row.name());
                        insert.setBoolean(2, row.enabled());
                        insert.setString(3, write(row.settings()));
                        insert.setTimestamp(4, now());
                        insert.setString(5, actor);
                        insert.executeUpdate();
                    }
                }
            }
            if (audit != null) {
                audit.record(connection, actor, "plugin.updated", "plugin:" + row.name(), auditBefore, auditAfter);
            }
            ChangeFeed.announce(connection, ChangeFeed.PLUGINS);
            return null;
        });
    }

    private static Optional<Row> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT enabled, settings FROM plugin WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(name, result.getBoolean(1), read(result.getString(2))));
            }
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private static Map<String, String> read(String json) {
        Map<String, String> settings = new LinkedHashMap<>();
        try {
            JsonNode tree = ApiJson.MAPPER.readTree(json == null ? "{}" : json);
            tree.properties().forEach(entry -> settings.put(entry.getKey(), entry.getValue().asText()));
        } catch (JsonProcessingException e) {
            throw new StoreException("reading plugin settings", e);
        }
        return settings;
    }

    private static String write(Map<String, String> settings) {
        ObjectNode object = ApiJson.MAPPER.createObjectNode();
        new TreeMap<>(settings).forEach(object::put);
        return object.toString();
    }
}
