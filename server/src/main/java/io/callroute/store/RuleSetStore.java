package io.callroute.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads and writes rule sets (their YAML source) in the store. */
public final class RuleSetStore {

    private final DataSource dataSource;
    private final Clock clock;

    public RuleSetStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public boolean isEmpty() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM rule_set");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1) == 0;
        } catch (SQLException e) {
            throw new StoreException("counting rule sets", e);
        }
    }

    /** All rule sets, by name. */
    public List<StoredRuleSet> findAll() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT name, source_yaml, origin, updated_at FROM rule_set ORDER BY name");
             ResultSet rows = statement.executeQuery()) {
            List<StoredRuleSet> result = new ArrayList<>();
            while (rows.next()) {
                result.add(new StoredRuleSet(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getTimestamp(4).toInstant()));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("reading rule sets", e);
        }
    }

    /** Adds rule sets in one transaction: either all are stored or none. */
    public void insertAll(List<StoredRuleSet> ruleSets) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO rule_set (name, source_yaml, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now(clock));
                for (StoredRuleSet ruleSet : ruleSets) {
                    statement.setString(1, ruleSet.name());
                    statement.setString(2, ruleSet.yaml());
                    statement.setString(3, ruleSet.origin());
                    statement.setTimestamp(4, now);
                    statement.setTimestamp(5, now);
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("storing rule sets", e);
        }
    }
}
