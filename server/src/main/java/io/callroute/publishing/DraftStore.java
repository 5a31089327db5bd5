package io.callroute.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Table {@code rule_set_draft}. Every write is conditional on the revision the caller read, so two editors can
 * never overwrite each other silently: the second write changes no row and the caller reports a conflict.
 */
final class DraftStore {

    private static final String COLUMNS = "name, document, revision, updated_by, updated_at";

    private final DataSource dataSource;

    DraftStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Every draft, by name (rows still in V1's YAML form are converted at start and not visible before). Sorted
     * here, by code point as H2 sorts, not by the database: PostgreSQL orders by its collation (en_US puts "B" after
     * "a"), and this order is the order of a version's content, so it must not depend on the database.
     */
    List<Draft> all() {
        List<Draft> drafts = query("SELECT " + COLUMNS + " FROM rule_set_draft WHERE revision > 0", null);
        drafts.sort(Comparator.comparing(Draft::name));
        return drafts;
    }

    Optional<Draft> find(String name) {
        return query("SELECT " + COLUMNS + " FROM rule_set_draft WHERE name = ? AND revision > 0", name).stream().findFirst();
    }

    /** Adds a draft at revision 1; false when one of that name exists. */
    boolean insert(String name, ObjectNode document, String by, java.time.Instant at) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "INSERT INTO rule_set_draft (" + COLUMNS + ") SELECT ?, ?, 1, ?, ?"
                             + " WHERE NOT EXISTS (SELECT 1 FROM rule_set_draft WHERE name = ?)")) {
            statement.setString(1, name);
            statement.setString(2, CanonicalJson.write(document));
            statement.setString(3, by);
            statement.setTimestamp(4, Timestamp.from(at));
            statement.setString(5, name);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;   // a concurrent insert of the same name won the race
            }
            throw new StoreException("adding rule set draft " + name, e);
        }
    }

    /** Replaces the document if the stored revision is still {@code expected}; false when it is not (or gone). */
    boolean update(String name, long expected, ObjectNode document, String by, java.time.Instant at) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("UPDATE rule_set_draft SET document = ?,"
                     + " revision = revision + 1, updated_by = ?, updated_at = ? WHERE name = ? AND revision = ?")) {
            statement.setString(1, CanonicalJson.write(document));
            statement.setString(2, by);
            statement.setTimestamp(3, Timestamp.from(at));
            statement.setString(4, name);
            statement.setLong(5, expected);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("saving rule set draft " + name, e);
        }
    }

    /** Deletes the draft if the stored revision is still {@code expected}. */
    boolean delete(String name, long expected) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "DELETE FROM rule_set_draft WHERE name = ? AND revision = ?")) {
            statement.setString(1, name);
            statement.setLong(2, expected);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("deleting rule set draft " + name, e);
        }
    }

    /** Rows the V3 migration carried over from V1: name → the YAML text as written (revision 0). */
    List<String[]> legacyRows() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT name, document FROM rule_set_draft WHERE revision = 0 ORDER BY name");
             ResultSet rows = statement.executeQuery()) {
            List<String[]> result = new ArrayList<>();
            while (rows.next()) {
                result.add(new String[] {rows.getString(1), rows.getString(2)});
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("reading rule sets carried over from V1", e);
        }
    }

    private List<Draft> query(String sql, String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (name != null) {
                statement.setString(1, name);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Draft> result = new ArrayList<>();
                while (rows.next()) {
                    String draftName = rows.getString(1);
                    JsonNode document = CanonicalJson.parseStored(rows.getString(2), "rule set draft " + draftName);
                    result.add(new Draft(draftName, (ObjectNode) document, rows.getLong(3), rows.getString(4),
                            rows.getTimestamp(5).toInstant()));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new StoreException("reading rule set drafts", e);
        }
    }
}
