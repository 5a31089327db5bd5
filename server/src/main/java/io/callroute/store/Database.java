package io.callroute.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store: a {@link DataSource} with the schema migrated by Flyway. Either our own pool (HikariCP) on
 * {@code CALLROUTE_DB_URL} — H2 reached through its own {@code DataSource} rather than {@code DriverManager}, which
 * does not see drivers inside webapp class loaders — or, on an application server, the server's own pooled
 * DataSource named by {@code CALLROUTE_DB_JNDI}, which the server manages and closes.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DataSource dataSource;
    private final HikariDataSource ownPool;
    private final boolean h2File;

    private Database(DataSource dataSource, HikariDataSource ownPool) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        this.h2File = isH2File(dataSource);
    }

    /** Opens our own pool on a JDBC URL and migrates the schema to the latest version. */
    public static Database open(String jdbcUrl, MeterRegistry registry) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("callroute");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(jdbcUrl);
            config.setDataSource(h2);
        } else {
            config.setJdbcUrl(jdbcUrl);
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
        return new Database(pool, pool);
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
        return new Database(dataSource, null);
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return dataSource;
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
