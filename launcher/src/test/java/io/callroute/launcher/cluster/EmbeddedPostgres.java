package io.callroute.launcher.cluster;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL 16 for the nodes of a multi-node test, unpacked from zonky's binaries jar and started by the
 * test itself (the same way the server's store tests get theirs, ADR 10), so the test needs nothing from apt. As root
 * zonky runs initdb and postgres inside {@code unshare -U}, because PostgreSQL refuses to run as root.
 *
 * <p>{@code -Dcallroute.test.postgres.url=jdbc:postgresql://host:port/postgres?user=…} uses an existing server
 * instead (a user allowed to create databases), as the server's store tests do.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final String adminUrl;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, String adminUrl) {
        this.server = server;
        this.adminUrl = adminUrl;
    }

    /** Starts one (initdb included, ~3 s; a loaded machine gets a minute before zonky gives up). */
    public static EmbeddedPostgres start() throws IOException {
        String given = System.getProperty("callroute.test.postgres.url");
        if (given != null && !given.isBlank()) {
            return new EmbeddedPostgres(null, given.strip());
        }
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres server =
                io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
        return new EmbeddedPostgres(server, server.getJdbcUrl("postgres", "postgres"));
    }

    /**
     * Creates an empty database for the nodes. {@code LOCALE 'C'} and {@code template0}, as the deployment guide
     * asks: text sorts by code point on every node, as on H2.
     */
    public void createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'");
        }
    }

    /**
     * The JDBC URL of {@code database} for a node. For the embedded server it carries no credentials: the nodes get
     * them as {@code CALLROUTE_DB_USER} ({@link #user()}), as an operator would configure them.
     */
    public String nodeUrl(String database) {
        return server == null ? url(database) : url(database).replaceFirst("\\?.*$", "");
    }

    /** The user for {@code CALLROUTE_DB_USER}: {@code postgres} (zonky trusts local connections), or null. */
    public String user() {
        return server == null ? null : "postgres";
    }

    /** A connection to {@code database} for the test's own checks (e.g. counting call-log rows). */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database));
    }

    /** The admin URL with its database replaced by {@code database}, parameters kept. */
    private String url(String database) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String parameters = query < 0 ? "" : adminUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
    }

    /** pg_ctl daemonises postgres: it outlives the test JVM unless stopped here (zonky's shutdown hook is a backup). */
    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }
}
