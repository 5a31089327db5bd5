package io.callroute.auth;

import java.security.Principal;
import java.util.Objects;

/**
 * The authenticated caller of the admin API, as resources see it through
 * {@code SecurityContext#getUserPrincipal()}.
 *
 * @param username who
 * @param role     what they may do
 * @param via      how they authenticated: {@code basic}, {@code token}, {@code session}, or {@code system} for the
 *                 server's own actions (first-start import)
 */
public record Actor(String username, Role role, String via) implements Principal {

    /** The server itself, e.g. importing the rule files on first start. */
    public static final Actor SYSTEM = new Actor("system", Role.ADMIN, "system");

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean may(Role required) {
        return role.includes(required);
    }
}
