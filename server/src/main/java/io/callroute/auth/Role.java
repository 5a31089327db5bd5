package io.callroute.auth;

/**
 * What a user may do, each role including the ones before it: viewers read, editors change drafts, publishers make
 * drafts live (and roll back), admins manage users.
 */
public enum Role {
    VIEWER,
    EDITOR,
    PUBLISHER,
    ADMIN;

    /** Whether this role may do what {@code required} may. */
    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }
}
