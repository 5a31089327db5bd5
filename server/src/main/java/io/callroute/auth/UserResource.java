package io.callroute.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.http.ApiJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

/** {@code /api/users}: user management, for admins only. The rules live in {@link UserAdmin}. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.ADMIN)
public final class UserResource {

    private final UserAdmin users;

    public UserResource(UserAdmin users) {
        this.users = users;
    }

    @GET
    public Response list() {
        return ApiJson.response(200, Map.of("users", users.list())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, InputStream body) {
        ObjectNode request = ApiJson.readObject(body);
        String username = ApiJson.requiredString(request, "username");
        String password = ApiJson.requiredString(request, "password");
        Role role = UserAdmin.parseRole(ApiJson.requiredString(request, "role"), "role");
        User created = users.create(CurrentActor.of(security), username, password, role);
        return ApiJson.response(201, created).location(URI.create("/api/users/" + created.username())).build();
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@Context SecurityContext security, @PathParam("username") String username,
                           InputStream body) {
        ObjectNode request = ApiJson.readObject(body);
        UserAdmin.Change change = new UserAdmin.Change(
                UserAdmin.parseRole(ApiJson.optionalString(request, "role"), "role"),
                ApiJson.optionalString(request, "password"),
                ApiJson.optionalBoolean(request, "disabled"));
        return ApiJson.response(200, users.update(CurrentActor.of(security), username, change)).build();
    }

    @DELETE
    @Path("{username}")
    public Response delete(@Context SecurityContext security, @PathParam("username") String username) {
        users.delete(CurrentActor.of(security), username);
        return Response.noContent().build();
    }
}
