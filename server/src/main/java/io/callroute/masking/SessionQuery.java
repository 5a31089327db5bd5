package io.callroute.masking;

/**
 * A listing of sessions, newest first. Null filters match everything.
 *
 * @param virtualNumber only sessions on this number
 * @param reference     only sessions with this reference
 * @param party         only sessions where this number is party A or B
 * @param state         only sessions in this state (null: all)
 * @param limit         at most this many, 1 to {@link #MAX_LIMIT}
 * @param offset        skipping this many
 */
public record SessionQuery(String virtualNumber, String reference, String party, SessionState state, int limit,
                           int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public SessionQuery {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("limit " + limit + " / offset " + offset + " out of range");
        }
    }
}
