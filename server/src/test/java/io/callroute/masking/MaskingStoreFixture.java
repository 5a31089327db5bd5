package io.callroute.masking;

import io.callroute.testing.MutableClock;
import io.callroute.audit.AuditLog;
import io.callroute.auth.Actor;
import io.callroute.auth.Role;
import io.callroute.store.Database;
import io.callroute.store.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The masking parts over a real store (TestDatabases) migrated by Flyway, with a hand-moved clock and no background
 * thread: tests call refresh and purge themselves.
 */
final class MaskingStoreFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final Duration RETENTION = Duration.ofDays(30);
    static final Actor RIDES = new Actor("rides", Role.MASKING, "token");
    static final String VN = "+6531580001";

    final Database database;
    final MutableClock clock = new MutableClock(START);
    final MaskingStore store;
    final MaskingDirectory directory;
    final MaskingSessions sessions;
    final MaskingPurge purge;
    final SessionCalls calls;

    MaskingStoreFixture(Path dir) {
        this.database = TestDatabases.open(dir.resolve("db/masking"), null);
        this.store = new MaskingStore(database.dataSource());
        this.directory = new MaskingDirectory(store, clock);
        directory.reload();
        AuditLog audit = new AuditLog(database.dataSource(), clock);
        this.sessions = new MaskingSessions(database.dataSource(), store, directory, audit, clock);
        this.purge = new MaskingPurge(database.dataSource(), store, directory, RETENTION, clock);
        this.calls = new SessionCalls(database.dataSource());
    }

    static NewSession pair(String partyA, String partyB) {
        return new NewSession(VN, partyA, partyB, null, null, false, null);
    }

    /** Every row of a table as text, in a stable order, to compare before and after. */
    List<String> rows(String table) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
            List<String> all = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rows.getString(i)).append('|');
                }
                all.add(row.toString());
            }
            return all;
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
