package io.callroute.auth;

import io.callroute.testing.MutableClock;
import io.callroute.audit.AuditLog;
import io.callroute.store.Database;
import io.callroute.store.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The auth parts over a real store (TestDatabases), migrated by Flyway as at server start, with a hand-moved clock. */
final class AuthStore implements AutoCloseable {

    /** One hasher for all tests: building one hashes a dummy password, which costs tens of milliseconds. */
    static final PasswordHasher HASHER = new PasswordHasher();

    final Database database;
    final DataSource dataSource;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    final AuditLog audit;
    final UserStore users;
    final AdminSessions sessions;
    final ApiTokens tokens;
    final LoginThrottle throttle;
    final Authenticator authenticator;
    final UserAdmin userAdmin;
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    final AdminBootstrap bootstrap;

    AuthStore(Path dir) {
        database = TestDatabases.open(dir.resolve("db/callroute"), new SimpleMeterRegistry());
        dataSource = database.dataSource();
        audit = new AuditLog(dataSource, clock);
        users = new UserStore(dataSource, clock);
        sessions = new AdminSessions(dataSource, clock);
        tokens = new ApiTokens(dataSource, clock, audit);
        throttle = new LoginThrottle(clock);
        authenticator = new Authenticator(users, HASHER, tokens, sessions, throttle, audit);
        userAdmin = new UserAdmin(dataSource, users, sessions, HASHER, audit);
        bootstrap = new AdminBootstrap(dataSource, users, HASHER, audit,
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    /** Creates a user directly, as an admin would through the API. */
    User user(String username, String password, Role role) {
        return userAdmin.create(Actor.SYSTEM, username, password, role);
    }

    String consoleText() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /** Every value of a column, for checking what the store really holds. */
    List<String> column(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
