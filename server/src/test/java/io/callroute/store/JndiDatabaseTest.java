package io.callroute.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CALLROUTE_DB_JNDI: the store uses the DataSource an application server binds in JNDI, migrates it, and leaves it
 * open on close (the server owns it). The JNDI here is the JDK's own lookup machinery with a minimal naming context
 * standing in for the server's: {@code new InitialContext()} is called exactly as on a server. Names are global
 * (GlassFish style, {@code jdbc/callroute}) because {@code java:} names belong to the test classpath's Jetty JNDI.
 */
class JndiDatabaseTest {

    private static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    private String previousFactory;

    @BeforeEach
    void useTheTestNamingContext() {
        previousFactory = System.setProperty(Context.INITIAL_CONTEXT_FACTORY, Names.class.getName());
    }

    @AfterEach
    void restore() {
        BOUND.clear();
        if (previousFactory == null) {
            System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        } else {
            System.setProperty(Context.INITIAL_CONTEXT_FACTORY, previousFactory);
        }
    }

    @Test
    void theServersDataSourceIsMigratedUsedAndLeftOpen() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("server-managed"));
        BOUND.put("jdbc/callroute", h2);

        Database database = Database.lookUp("jdbc/callroute");
        assertThat(database.dataSource()).isSameAs(h2);
        assertThat(database.isHealthy()).isTrue();
        database.close();
        try (Connection connection = h2.getConnection();
             ResultSet migrations = connection.createStatement()
                     .executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\"")) {
            migrations.next();
            assertThat(migrations.getInt(1)).as("every migration applied to the server's database").isGreaterThan(5);
        }
    }

    @Test
    void aMissingOrWrongBindingSaysWhatWasLookedUp() {
        assertThatThrownBy(() -> Database.lookUp("jdbc/nothing"))
                .isInstanceOf(StoreException.class).hasMessageContaining("jdbc/nothing")
                .hasMessageContaining("CALLROUTE_DB_JNDI");
        BOUND.put("jdbc/text", "not a data source");
        assertThatThrownBy(() -> Database.lookUp("jdbc/text"))
                .hasMessageContaining("java.lang.String").hasMessageContaining("not a javax.sql.DataSource");
    }

    /** The naming context a server would provide, reduced to lookups of what the test bound. */
    public static final class Names implements InitialContextFactory {
        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
            return new InitialContext(true) {
                @Override
                public Object lookup(String name) throws NamingException {
                    Object found = BOUND.get(name);
                    if (found == null) {
                        throw new NameNotFoundException(name + " is not bound");
                    }
                    return found;
                }
            };
        }
    }
}
