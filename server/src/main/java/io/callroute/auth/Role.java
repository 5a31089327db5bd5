package io.callroute.auth;

/**
 * What a user may do. The rule roles form a ladder, each including the ones before it: viewers read, editors change
 * drafts, publishers make drafts live (and roll back), admins manage users.
 *
 * <p>{@link #MASKING} stands beside the ladder: it is for the backend of a ride-hailing or delivery service that
 * creates number-masking sessions by the hundred, with a token that must not be able to read or change rules if it
 * leaks. It includes no other role and no other role but {@link #ADMIN} includes it.
 */
public enum Role {
    VIEWER(1),
    EDITOR(2),
    PUBLISHER(3),
    ADMIN(4),
    MASKING(0);

    /** Position on the ladder of rule roles; 0 for a role outside it. */
    private final int rank;

    Role(int rank) {
        this.rank = rank;
    }

    /** Whether this role may do what {@code required} may. */
    public boolean includes(Role required) {
        if (this == required || this == ADMIN) {
            return true;
        }
        return rank > 0 && required.rank > 0 && rank >= required.rank;
    }
}
