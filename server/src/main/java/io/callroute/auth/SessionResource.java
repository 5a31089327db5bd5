package io.callroute.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.audit.AuditLog;
import io.callroute.http.ApiError;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import io.callroute.http.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signing in and out of the admin UI ({@code /api/session}) and who am I ({@code /api/me}). Login is the only
 * admin route open without credentials; it is throttled like HTTP Basic and audited ({@code login.succeeded},
 * {@code login.failed}, {@code logout}).
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {

    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private final Authenticator authenticator;
    private final AdminSessions sessions;
    private final AuditLog audit;

    @Context
    private HttpServletRequest servletRequest;
    private final ClientAddress clientAddresses;

    public SessionResource(Authenticator authenticator, AdminSessions sessions, AuditLog audit,
                           ClientAddress clientAddresses) {
        this.clientAddresses = clientAddresses;
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.audit = audit;
    }

    @POST
    @Path("session")
    @Consumes(MediaType.APPLICATION_JSON)
    @LoginRoute
    public Response login(InputStream body, @Context UriInfo uri, @HeaderParam(FORWARDED_PROTO) String proto) {
        ObjectNode request = ApiJson.readObject(body);
        // A login without credentials is refused like any other /api call without them: 401, naming what is missing.
        for (String field : new String[] {"username", "password"}) {
            if (!request.path(field).isTextual() || request.path(field).asText().isEmpty()) {
                return new ApiError(401, "unauthorized", "Give a username and a password to log in.", field)
                        .toResponse();
            }
        }
        String username = ApiJson.requiredString(request, "username");
        String password = ApiJson.requiredString(request, "password");
        Authenticator.PasswordCheck check = authenticator.checkPassword(username, password, clientAddress(),
                "session");
        if (check instanceof Authenticator.PasswordCheck.Throttled throttled) {
            return AuthResponses.throttled(throttled.retryAfter());
        }
        if (!(check instanceof Authenticator.PasswordCheck.Accepted accepted)) {
            // No Basic challenge: this is a form login, a browser dialog would be wrong here.
            return AuthResponses.unauthorized("Wrong username or password.", false);
        }
        Actor actor = accepted.actor();
        AdminSessions.NewSession session = sessions.open(actor.username());
        audit.record(actor.username(), "login.succeeded", "user:" + actor.username(), null,
                ApiJson.text(Map.of("via", "session", "address", String.valueOf(clientAddress()))));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("username", actor.username());
        answer.put("role", actor.role());
        answer.put("csrfToken", session.csrfToken());
        answer.put("expiresAt", session.expiresAt());
        return ApiJson.response(200, answer)
                .header(HttpHeaders.SET_COOKIE, SessionCookie.set(session.cookieValue(),
                        SessionCookie.isHttps(uri.getRequestUri().getScheme(), proto)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @DELETE
    @Path("session")
    @AnyRole
    public Response logout(@Context SecurityContext security, @CookieParam(SessionCookie.NAME) String cookie,
                           @Context UriInfo uri, @HeaderParam(FORWARDED_PROTO) String proto) {
        Actor actor = CurrentActor.of(security);
        boolean closed = "session".equals(actor.via()) && sessions.close(cookie);
        if (closed) {
            audit.record(actor.username(), "logout", "user:" + actor.username(), null, null);
        }
        return Response.noContent()
                .header(HttpHeaders.SET_COOKIE, SessionCookie.clear(
                        SessionCookie.isHttps(uri.getRequestUri().getScheme(), proto)))
                .build();
    }

    @GET
    @Path("me")
    @AnyRole
    public Response me(@Context SecurityContext security, @CookieParam(SessionCookie.NAME) String cookie) {
        Actor actor = CurrentActor.of(security);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("username", actor.username());
        answer.put("role", actor.role());
        answer.put("via", actor.via());
        if ("session".equals(actor.via())) {
            // A reloaded UI page has lost the token it got at login; the cookie alone cannot be used to read it
            // from another site (SameSite=Strict, and the answer is not readable cross-origin).
            AdminSessions.ActiveSession session = authenticator.checkSession(cookie)
                    .orElseThrow(() -> new ApiErrorException(401, "unauthorized", "The session has ended.", null));
            answer.put("csrfToken", session.csrfToken());
            answer.put("expiresAt", session.expiresAt());
        }
        return ApiJson.response(200, answer).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private String clientAddress() {
        return clientAddresses.of(servletRequest);
    }
}
