package io.callroute.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.http.ApiJson;
import io.callroute.http.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;

/**
 * {@code PUT /api/me/password}: any signed-in user changes their own password. The rules live in
 * {@link OwnPassword}.
 */
@Path("/api/me/password")
@Produces(MediaType.APPLICATION_JSON)
public final class OwnPasswordResource {

    private final OwnPassword ownPassword;

    @Context
    private HttpServletRequest servletRequest;
    private final ClientAddress clientAddresses;

    public OwnPasswordResource(OwnPassword ownPassword, ClientAddress clientAddresses) {
        this.clientAddresses = clientAddresses;
        this.ownPassword = ownPassword;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @AnyRole
    public Response change(@Context SecurityContext security, @CookieParam(SessionCookie.NAME) String cookie,
                           InputStream body) {
        ObjectNode request = ApiJson.readObject(body);
        String current = ApiJson.requiredString(request, "current");
        String next = ApiJson.requiredString(request, "new");
        OwnPassword.Outcome outcome = ownPassword.change(CurrentActor.of(security), current, next, clientAddress(),
                cookie);
        if (outcome instanceof OwnPassword.Outcome.Throttled throttled) {
            return AuthResponses.throttled(throttled.retryAfter());
        }
        return Response.noContent().build();
    }

    private String clientAddress() {
        return clientAddresses.of(servletRequest);
    }
}
