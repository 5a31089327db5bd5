package io.callroute.testcases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.http.ApiJson;
import io.callroute.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code test_case} table. Changes are conditional on the revision the editor read (compare-and-set). */
final class TestCaseStore {

    private static final String COLUMNS = "name, description, event, expectation, source_call, revision, created_by,"
            + " created_at, updated_by, updated_at";

    private final DataSource dataSource;

    TestCaseStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every case, by name. */
    List<TestCase> all() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                     + " FROM test_case ORDER BY name");
             ResultSet rows = select.executeQuery()) {
            List<TestCase> cases = new ArrayList<>();
            while (rows.next()) {
                cases.add(read(rows));
            }
            return cases;
        } catch (SQLException e) {
            throw new StoreException("reading the test cases", e);
        }
    }

    Optional<TestCase> find(String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                     + " FROM test_case WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading test case " + name, e);
        }
    }

    /** Inserts a new case (revision 1); false when the name is taken. */
    boolean insert(TestCase testCase) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO test_case (" + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, testCase.name());
            insert.setString(2, testCase.description());
            insert.setString(3, text(testCase.event()));
            insert.setString(4, text(testCase.expectation().toJson()));
            if (testCase.sourceCall() == null) {
                insert.setNull(5, Types.BIGINT);
            } else {
                insert.setLong(5, testCase.sourceCall());
            }
            insert.setLong(6, testCase.revision());
            insert.setString(7, testCase.createdBy());
            insert.setTimestamp(8, Timestamp.from(testCase.createdAt()));
            insert.setString(9, testCase.updatedBy());
            insert.setTimestamp(10, Timestamp.from(testCase.updatedAt()));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw new StoreException("saving test case " + testCase.name(), e);
        }
    }

    /** Replaces a case if it is still at {@code expectedRevision}; false when it is not (or is gone). */
    boolean update(TestCase testCase, long expectedRevision) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE test_case SET description = ?,"
                     + " event = ?, expectation = ?, source_call = ?, revision = ?, updated_by = ?, updated_at = ?"
                     + " WHERE name = ? AND revision = ?")) {
            update.setString(1, testCase.description());
            update.setString(2, text(testCase.event()));
            update.setString(3, text(testCase.expectation().toJson()));
            if (testCase.sourceCall() == null) {
                update.setNull(4, Types.BIGINT);
            } else {
                update.setLong(4, testCase.sourceCall());
            }
            update.setLong(5, testCase.revision());
            update.setString(6, testCase.updatedBy());
            update.setTimestamp(7, Timestamp.from(testCase.updatedAt()));
            update.setString(8, testCase.name());
            update.setLong(9, expectedRevision);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("saving test case " + testCase.name(), e);
        }
    }

    /** Deletes a case if it is still at {@code expectedRevision}. */
    boolean delete(String name, long expectedRevision) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM test_case WHERE name = ?"
                     + " AND revision = ?")) {
            delete.setString(1, name);
            delete.setLong(2, expectedRevision);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("deleting test case " + name, e);
        }
    }

    private static TestCase read(ResultSet rows) throws SQLException {
        long sourceCall = rows.getLong(5);
        Long source = rows.wasNull() ? null : sourceCall;
        String name = rows.getString(1);
        JsonNode expectation = parse(rows.getString(4), name);
        return new TestCase(name, rows.getString(2), parse(rows.getString(3), name),
                Expectation.read(expectation, "expect"), source, rows.getLong(6), rows.getString(7),
                instant(rows.getTimestamp(8)), rows.getString(9), instant(rows.getTimestamp(10)));
    }

    private static JsonNode parse(String json, String name) {
        try {
            return ApiJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("test case " + name + " holds JSON that cannot be read", e);
        }
    }

    private static String text(JsonNode node) {
        try {
            return ApiJson.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    /** SQLSTATE 23505: unique constraint violated (H2 and PostgreSQL alike). */
    private static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
