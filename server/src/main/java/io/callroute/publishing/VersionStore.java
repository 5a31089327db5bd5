package io.callroute.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.store.ChangeFeed;
import io.callroute.store.Database;
import io.callroute.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Tables {@code rule_version} and {@code publication}. A version row is written once and never changed; what is
 * live is the newest publication, so "publish" is a single transaction of two inserts and a crash can never leave a
 * half-published version; the transaction is on disk before the caller makes the version live.
 */
final class VersionStore {

    private final DataSource dataSource;

    VersionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The highest version number, 0 when none exists. */
    int newestNumber() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COALESCE(MAX(number), 0) FROM rule_version");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("reading the newest version number", e);
        }
    }

    Optional<Version> find(int number) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT number, content, created_by, created_at, comment FROM rule_version WHERE number = ?")) {
            statement.setInt(1, number);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                JsonNode content = CanonicalJson.parseStored(rows.getString(2), "version " + number);
                List<ObjectNode> sets = new ArrayList<>();
                content.forEach(set -> sets.add((ObjectNode) set));
                return Optional.of(new Version(rows.getInt(1), sets, rows.getString(3),
                        rows.getTimestamp(4).toInstant(), rows.getString(5)));
            }
        } catch (SQLException e) {
            throw new StoreException("reading version " + number, e);
        }
    }

    /** Every version without its content, newest first, with the rule set names it holds. */
    List<VersionSummary> summaries() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT number, content, created_by, created_at, comment FROM rule_version ORDER BY number DESC");
             ResultSet rows = statement.executeQuery()) {
            List<VersionSummary> result = new ArrayList<>();
            while (rows.next()) {
                JsonNode content = CanonicalJson.parseStored(rows.getString(2), "version " + rows.getInt(1));
                List<String> names = new ArrayList<>();
                content.forEach(set -> names.add(set.path("ruleSet").asText()));
                result.add(new VersionSummary(rows.getInt(1), names, rows.getString(3),
                        rows.getTimestamp(4).toInstant(), rows.getString(5)));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("listing versions", e);
        }
    }

    /** The newest publication: what is live. */
    Optional<Publication> latestPublication() {
        List<Publication> latest = publications(1);
        return latest.isEmpty() ? Optional.empty() : Optional.of(latest.get(0));
    }

    /** The newest {@code limit} publications, newest first. */
    List<Publication> publications(int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT id, version, published_by,"
                     + " published_at, kind FROM publication ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                List<Publication> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(new Publication(rows.getLong(1), rows.getInt(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant(), rows.getString(5)));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new StoreException("reading publications", e);
        }
    }

    /**
     * Creates version {@code number} and makes it the newest publication, in one transaction that also tells the
     * other nodes sharing the store.
     *
     * @return the publication's id
     */
    long insertPublished(int number, List<ObjectNode> ruleSets, String by, Instant at, String comment) {
        ArrayNode content = JsonNodeFactory.instance.arrayNode();
        ruleSets.forEach(content::add);
        return inTransaction("publishing version " + number, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO rule_version"
                    + " (number, content, created_by, created_at, comment) VALUES (?, ?, ?, ?, ?)")) {
                statement.setInt(1, number);
                statement.setString(2, CanonicalJson.write(content));
                statement.setString(3, by);
                statement.setTimestamp(4, Timestamp.from(at));
                if (comment == null) {
                    statement.setNull(5, Types.VARCHAR);
                } else {
                    statement.setString(5, comment);
                }
                statement.executeUpdate();
            }
            return insertPublication(connection, number, by, at, Publication.PUBLISH);
        });
    }

    /**
     * Makes existing version {@code number} the newest publication again.
     *
     * @return the publication's id
     */
    long insertRollback(int number, String by, Instant at) {
        return inTransaction("rolling back to version " + number,
                connection -> insertPublication(connection, number, by, at, Publication.ROLLBACK));
    }

    private static long insertPublication(Connection connection, int number, String by, Instant at, String kind)
            throws SQLException {
        long id;
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO publication (version, published_by, published_at, kind) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            statement.setInt(1, number);
            statement.setString(2, by);
            statement.setTimestamp(3, Timestamp.from(at));
            statement.setString(4, kind);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);   // PostgreSQL returns every column; id is the first
            }
        }
        // Delivered to the listening nodes when this transaction commits, and never if it rolls back.
        ChangeFeed.announce(connection, ChangeFeed.PUBLICATIONS);
        return id;
    }

    private interface Work {
        long run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction and returns once it is on disk: the caller makes the version live next,
     * and a version that answered calls must not vanish in a crash (its number would be given again to other rules).
     */
    private long inTransaction(String what, Work work) {
        long result;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
        Database.makeDurable(dataSource);
        return result;
    }
}
