package io.callroute.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store: a {@link DataSource} with the schema migrated by Flyway. Either our own pool (HikariCP) on
 * {@code CALLROUTE_DB_URL} — H2 and PostgreSQL each reached through their own {@code DataSource} rather than
 * {@code DriverManager}, which does not see drivers inside webapp class loaders — or, on an application server, the
 * server's own pooled DataSource named by {@code CALLROUTE_DB_JNDI}, which the server manages and closes.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DataSource dataSource;
    private final HikariDataSource ownPool;
    /** The pool's own PostgreSQL DataSource, for connections kept outside the pool; null otherwise. */
    private final PGSimpleDataSource postgresSource;
    private final boolean h2File;
    private final boolean postgres;

    private Database(DataSource dataSource, HikariDataSource ownPool, PGSimpleDataSource postgresSource) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        this.postgresSource = postgresSource;
        this.h2File = isH2File(dataSource);
        this.postgres = isPostgres(dataSource);
    }

    /** Opens our own pool on a JDBC URL, with the default pool, and migrates the schema to the latest version. */
    public static Database open(String jdbcUrl, MeterRegistry registry) {
        return open(PoolSettings.of(jdbcUrl), registry);
    }

    /** Opens our own pool and migrates the schema to the latest version. */
    public static Database open(PoolSettings settings, MeterRegistry registry) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("callroute");
        config.setMaximumPoolSize(settings.maxSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        String url = settings.url();
        PGSimpleDataSource postgresSource = null;
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            if (settings.user() != null) {
                h2.setUser(settings.user());
                h2.setPassword(settings.password() == null ? "" : settings.password());
            }
            config.setDataSource(h2);
        } else if (url.startsWith("jdbc:postgresql:")) {
            postgresSource = postgres(settings);
            config.setDataSource(postgresSource);
        } else {
            config.setJdbcUrl(url);
            config.setUsername(settings.user());
            config.setPassword(settings.password());
        }
        if (registry != null) {
            config.setMetricRegistry(registry);
        }
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, pool, postgresSource);
    }

    /**
     * PostgreSQL's own DataSource on the URL. What the URL leaves unsaid gets our defaults: batched inserts of the
     * call log rewritten into one multi-row INSERT, TCP keep-alive so a connection silently dropped by a firewall is
     * noticed, and the application name {@code callroute} in {@code pg_stat_activity}. A user and password from the
     * settings win over the URL's.
     */
    private static PGSimpleDataSource postgres(PoolSettings settings) {
        Properties given = Driver.parseURL(settings.url(), null);
        if (given == null) {
            throw new IllegalArgumentException("CALLROUTE_DB_URL is not a PostgreSQL JDBC URL the driver accepts"
                    + " (jdbc:postgresql://host:port/database?…)");
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(settings.url());
        if (!given.containsKey("reWriteBatchedInserts")) {
            postgres.setReWriteBatchedInserts(true);
        }
        if (!given.containsKey("tcpKeepAlive")) {
            postgres.setTcpKeepAlive(true);
        }
        if (!given.containsKey("ApplicationName")) {
            postgres.setApplicationName(settings.applicationName());
        }
        if (settings.user() != null) {
            postgres.setUser(settings.user());
        }
        if (settings.password() != null) {
            postgres.setPassword(settings.password());
        }
        return postgres;
    }

    /** Uses the application server's DataSource bound at {@code jndiName} and migrates the schema. */
    public static Database lookUp(String jndiName) {
        Object found;
        try {
            found = new InitialContext().lookup(jndiName);
        } catch (NamingException e) {
            throw new StoreException("Looking up the DataSource \"" + jndiName + "\" (CALLROUTE_DB_JNDI)", e);
        }
        if (!(found instanceof DataSource dataSource)) {
            throw new IllegalStateException("CALLROUTE_DB_JNDI names \"" + jndiName + "\", which is a "
                    + (found == null ? "null" : found.getClass().getName()) + ", not a javax.sql.DataSource");
        }
        migrate(dataSource);
        return new Database(dataSource, null, null);
    }

    /**
     * Migrates the schema. Several nodes may start at once: on PostgreSQL Flyway serialises them with an advisory
     * lock, and the later ones find nothing left to do.
     */
    private static void migrate(DataSource dataSource) {
        var flyway = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration");
        if (isPostgres(dataSource)) {
            flyway.callbacks(new PostgresCompatibility());
        }
        flyway.load().migrate();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new StoreException("Connecting to the store", e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether the store is PostgreSQL, which can tell other nodes of a change as it commits. */
    public boolean isPostgres() {
        return postgres;
    }

    /**
     * A connection of its own, for a listener that keeps it for as long as the node runs: outside our pool, so it
     * never takes a connection from calls; with an application server's DataSource, one of its connections.
     */
    public Connection openDedicatedConnection() throws SQLException {
        return postgresSource != null ? postgresSource.getConnection() : dataSource.getConnection();
    }

    /** Whether a connection can be had and answers within a second. */
    public boolean isHealthy() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Makes every change committed so far survive the process being killed, before the change is acknowledged.
     *
     * <p>H2 (MVStore) answers a commit before it has written it: a background thread writes committed changes to the
     * file every half second or so. A process killed in between (kill -9, out of memory, a container stopped
     * hard) comes back without changes that were committed and answered — a publish answered 201, a saved draft, a
     * masking session. CHECKPOINT writes them now and returns when they are in the file (the operating system's
     * cache; a power cut is another matter). On other databases a commit is durable already, and this does nothing.
     * A failure is logged, not thrown: the change itself has been made.
     */
    public void makeDurable() {
        if (h2File) {
            checkpoint(dataSource);
        }
    }

    /**
     * {@link #makeDurable()} for code that holds only the {@link DataSource}: a version must be on disk before it
     * goes live, or calls answered by it carry a version number that a crash can erase and the next publish reuse.
     */
    public static void makeDurable(DataSource dataSource) {
        if (isH2File(dataSource)) {
            checkpoint(dataSource);
        }
    }

    private static void checkpoint(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            LOG.warn("Could not write committed changes to the H2 file now (H2 writes them within a second): {}",
                    e.getMessage());
        }
    }

    private static boolean isH2File(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            return "H2".equalsIgnoreCase(metaData.getDatabaseProductName())
                    && !metaData.getURL().startsWith("jdbc:h2:mem:");
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes our own pool; a server's DataSource is the server's to close. */
    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }
}
