package io.callroute.publishing;

import io.callroute.auth.Actor;
import io.callroute.http.ApiError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * Who is calling the admin API, as the authentication filter put it into the {@link SecurityContext}. Every change
 * is attributed to that actor in the drafts, versions and audit log, so a request without one is refused — unless
 * the server was built without the filter, in which case the wiring names the actor such requests act as.
 */
final class Callers {

    private final Actor unauthenticated;

    /** @param unauthenticated who requests without an authenticated actor act as; null refuses them */
    Callers(Actor unauthenticated) {
        this.unauthenticated = unauthenticated;
    }

    Actor of(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal instanceof Actor actor) {
            return actor;
        }
        if (principal == null && unauthenticated != null) {
            return unauthenticated;
        }
        throw new WebApplicationException(new ApiError(401, "unauthenticated",
                "The admin API needs an authenticated user.", null).toResponse());
    }
}
