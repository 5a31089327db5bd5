package io.callroute.store;

/** The store could not be read or written; wraps the SQL error with what was being done. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String action, Throwable cause) {
        super(action + ": " + cause.getMessage(), cause);
    }
}
