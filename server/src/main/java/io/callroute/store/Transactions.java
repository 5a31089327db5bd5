package io.callroute.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work on one connection in one transaction: committed when the work returns, rolled back when it throws
 * (whatever it throws). Lets a change and its audit entry be stored together or not at all.
 */
public final class Transactions {

    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    /**
     * @param action what is being done, for the {@link StoreException} message
     */
    public static <T> T inTransaction(DataSource dataSource, String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(action, e);
        }
    }
}
