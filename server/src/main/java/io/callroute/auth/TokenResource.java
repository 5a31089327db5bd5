package io.callroute.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

/**
 * {@code /api/tokens}: each user manages their own personal API tokens (any role, masking included — a token can do
 * no more than its owner). The secret appears once, in the answer to its creation.
 */
@Path("/api/tokens")
@AnyRole
@Produces(MediaType.APPLICATION_JSON)
public final class TokenResource {

    private final ApiTokens tokens;

    public TokenResource(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GET
    public Response list(@Context SecurityContext security) {
        return ApiJson.response(200, Map.of("tokens", tokens.list(CurrentActor.of(security).username()))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, InputStream body) {
        Actor actor = CurrentActor.of(security);
        String name = ApiJson.requiredString(ApiJson.readObject(body), "name").strip();
        if (name.length() > ApiTokens.MAX_NAME_LENGTH) {
            throw new ApiErrorException(400, "invalid_name", "A token name is at most " + ApiTokens.MAX_NAME_LENGTH
                    + " characters.", "name");
        }
        ApiTokens.NewToken token = tokens.create(actor.username(), name);
        return ApiJson.response(201, token)
                .location(URI.create("/api/tokens/" + token.id()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@Context SecurityContext security, @PathParam("id") String id) {
        Actor actor = CurrentActor.of(security);
        long tokenId;
        try {
            tokenId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound();
        }
        if (!tokens.revoke(actor.username(), tokenId)) {
            throw notFound();
        }
        return Response.noContent().build();
    }

    private static ApiErrorException notFound() {
        return new ApiErrorException(404, "token_not_found", "You have no active token with this id.", null);
    }
}
