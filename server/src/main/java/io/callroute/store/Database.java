package io.callroute.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The store: a {@link DataSource} with the schema migrated by Flyway. Either our own pool (HikariCP) on
 * {@code CALLROUTE_DB_URL} — H2 reached through its own {@code DataSource} rather than {@code DriverManager}, which
 * does not see drivers inside webapp class loaders — or, on an application server, the server's own pooled
 * DataSource named by {@code CALLROUTE_DB_JNDI}, which the server manages and closes.
 */
public final class Database implements AutoCloseable {

    private final DataSource dataSource;
    private final HikariDataSource ownPool;

    private Database(DataSource dataSource, HikariDataSource ownPool) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
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

    /** Closes our own pool; a server's DataSource is the server's to close. */
    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }
}
