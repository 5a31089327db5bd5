package io.callroute.store;

import java.sql.SQLException;

/**
 * SQLSTATE 23505, a unique constraint violated (H2 and PostgreSQL alike): with several nodes on one database, the
 * sign that another node inserted the same key first.
 */
public final class UniqueViolation {

    public static final String SQL_STATE = "23505";

    private UniqueViolation() {
    }

    /** Whether {@code failure}, or anything it was caused by, is a unique violation. */
    public static boolean in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && SQL_STATE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
