package io.callroute.auth;

import io.callroute.http.ApiErrorException;
import jakarta.ws.rs.core.SecurityContext;

/**
 * How a resource learns who is calling: {@code CurrentActor.of(securityContext)} with the method's
 * {@code @Context SecurityContext}. The authentication filter has already refused anonymous requests to
 * {@code /api}, so a missing actor here is a wiring mistake and answers 401 rather than acting anonymously.
 */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Actor of(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof Actor actor) {
            return actor;
        }
        throw new ApiErrorException(401, "unauthorized", "Sign in first.", null);
    }
}
