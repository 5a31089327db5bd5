package io.callroute.auth;

import io.callroute.http.BoundedBody;
import io.callroute.http.ClientAddress;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every request under {@code /api} before anything else looks at it, whether or not a resource
 * matches (so unknown admin paths answer 401 too, and reveal nothing). Accepted, in this order:
 * <ol>
 *   <li>{@code Authorization: Basic} username and password — throttled, for people and quick scripts;</li>
 *   <li>{@code Authorization: Bearer crt_…} — a personal API token, for automation;</li>
 *   <li>the {@value SessionCookie#NAME} cookie of the admin UI — changes (POST, PUT, PATCH, DELETE) must also carry
 *       the session's CSRF token in {@value #CSRF_HEADER}, which a cross-site page cannot read.</li>
 * </ol>
 * No or wrong credentials answer 401; the only exception is the login, {@code POST /api/session}. The actor is put
 * in the request's {@link jakarta.ws.rs.core.SecurityContext}; roles are checked after matching by
 * {@link RoleCheckFilter}.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class ApiAuthenticationFilter implements ContainerRequestFilter {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String NO_CREDENTIALS = "Sign in: HTTP Basic, a Bearer API token, or a session from "
            + "POST /api/session.";

    private final Authenticator authenticator;

    @Context
    private HttpServletRequest servletRequest;
    private final ClientAddress clientAddresses;

    public ApiAuthenticationFilter(Authenticator authenticator, ClientAddress clientAddresses) {
        this.clientAddresses = clientAddresses;
        this.authenticator = authenticator;
    }

    /** What the filter decided: let it pass as it is, pass as an actor, or answer with a refusal. */
    sealed interface Decision {
        record Unprotected() implements Decision {
        }

        record Authenticated(Actor actor) implements Decision {
        }

        record Refused(Response response) implements Decision {
        }
    }

    /** The parts of a request the decision depends on. */
    record Request(String method, String path, String authorization, String sessionCookie, String csrfToken,
                   String address, boolean fromScript) {
    }

    @Override
    public void filter(ContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        if (!ApiPaths.isApi(path)) {
            // Webhooks, health, metrics: nothing to authenticate, so none of the request's cookies or its peer
            // address (a proxied servlet lookup) is read on the call path. decide() would say the same.
            return;
        }
        Cookie cookie = context.getCookies().get(SessionCookie.NAME);
        Request request = new Request(context.getMethod(), path,
                context.getHeaderString(HttpHeaders.AUTHORIZATION), cookie == null ? null : cookie.getValue(),
                context.getHeaderString(CSRF_HEADER), clientAddress(),
                context.getHeaderString("X-Requested-With") != null);
        Decision decision = decide(request);
        if (decision instanceof Decision.Refused refused) {
            BoundedBody.discard(context.getEntityStream());
            context.abortWith(refused.response());
        } else if (decision instanceof Decision.Authenticated authenticated) {
            boolean secure = context.getSecurityContext() != null && context.getSecurityContext().isSecure();
            context.setSecurityContext(new ActorSecurityContext(authenticated.actor(), secure));
        }
    }

    /** The decision for one request; separate from JAX-RS so it can be tested with plain values. */
    Decision decide(Request request) {
        if (!ApiPaths.isApi(request.path()) || ApiPaths.isLogin(request.method(), request.path())) {
            return new Decision.Unprotected();
        }
        boolean challenge = !request.fromScript();
        String authorization = request.authorization();
        if (authorization != null) {
            return fromAuthorization(authorization.strip(), request.address(), challenge);
        }
        if (request.sessionCookie() != null) {
            return fromSession(request, challenge);
        }
        return new Decision.Refused(AuthResponses.unauthorized(NO_CREDENTIALS, challenge));
    }

    private Decision fromAuthorization(String authorization, String address, boolean challenge) {
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String value = space < 0 ? "" : authorization.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Basic")) {
            Optional<String[]> pair = decodeBasic(value);
            if (pair.isEmpty()) {
                return new Decision.Refused(AuthResponses.unauthorized(
                        "The Basic credentials are not base64 of username:password.", challenge));
            }
            Authenticator.PasswordCheck check = authenticator.checkPassword(pair.get()[0], pair.get()[1], address,
                    "basic");
            if (check instanceof Authenticator.PasswordCheck.Accepted accepted) {
                return new Decision.Authenticated(accepted.actor());
            }
            if (check instanceof Authenticator.PasswordCheck.Throttled throttled) {
                return new Decision.Refused(AuthResponses.throttled(throttled.retryAfter()));
            }
            return new Decision.Refused(AuthResponses.unauthorized("Wrong username or password.", challenge));
        }
        if (scheme.equalsIgnoreCase("Bearer")) {
            return authenticator.checkToken(value)
                    .<Decision>map(Decision.Authenticated::new)
                    .orElseGet(() -> new Decision.Refused(AuthResponses.unauthorized(
                            "The API token is unknown, revoked, or its user is disabled.", challenge)));
        }
        return new Decision.Refused(AuthResponses.unauthorized(
                "Only the Basic and Bearer authorization schemes are accepted.", challenge));
    }

    private Decision fromSession(Request request, boolean challenge) {
        Optional<AdminSessions.ActiveSession> session = authenticator.checkSession(request.sessionCookie());
        if (session.isEmpty()) {
            return new Decision.Refused(AuthResponses.unauthorized(
                    "The session has expired or ended; sign in again.", challenge));
        }
        if (!SAFE_METHODS.contains(request.method())
                && !Secrets.constantTimeEquals(session.get().csrfToken(), request.csrfToken())) {
            return new Decision.Refused(AuthResponses.forbidden("csrf", "Changes made with a session cookie need the"
                    + " session's CSRF token in the " + CSRF_HEADER + " header."));
        }
        return new Decision.Authenticated(new Actor(session.get().username(), session.get().role(), "session"));
    }

    /** {@code username:password} from the base64 of a Basic header (RFC 7617, UTF-8); empty when malformed. */
    static Optional<String[]> decodeBasic(String value) {
        try {
            String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String clientAddress() {
        return clientAddresses.of(servletRequest);
    }
}
