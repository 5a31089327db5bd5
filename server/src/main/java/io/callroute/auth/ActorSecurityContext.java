package io.callroute.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Locale;

/**
 * What resources see of an authenticated admin API request: {@link #getUserPrincipal()} is the {@link Actor}, and
 * {@link #isUserInRole(String)} takes role names ({@code "editor"}, {@code "ADMIN"}) as {@link Role#includes} orders
 * them, so an admin is also in role editor, and a masking user only in role masking.
 */
public final class ActorSecurityContext implements SecurityContext {

    private final Actor actor;
    private final boolean secure;

    public ActorSecurityContext(Actor actor, boolean secure) {
        this.actor = actor;
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return actor;
    }

    @Override
    public boolean isUserInRole(String role) {
        if (role == null) {
            return false;
        }
        try {
            return actor.may(Role.valueOf(role.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return switch (actor.via()) {
            case "basic" -> BASIC_AUTH;
            case "session" -> FORM_AUTH;
            default -> "Bearer";
        };
    }
}
