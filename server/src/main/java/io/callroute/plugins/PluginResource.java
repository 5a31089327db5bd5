package io.callroute.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.auth.CurrentActor;
import io.callroute.auth.RequiresRole;
import io.callroute.auth.Role;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import io.callroute.plugin.PluginApi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/plugins}: every plugin with its status, providers, settings (secrets masked) and metrics, for anyone
 * signed in; enabling, disabling and configuring a plugin is for admins, because it runs code on the call path.
 */
@Path("/api/plugins")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.VIEWER)
public final class PluginResource {

    private static final Set<String> FIELDS = Set.of("enabled", "settings");

    private final PluginHost host;

    public PluginResource(PluginHost host) {
        this.host = host;
    }

    @GET
    public Response list() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("apiVersion", PluginApi.version());
        answer.put("plugins", host.plugins().stream().map(PluginInfo::json).toList());
        return ApiJson.response(200, answer).build();
    }

    @GET
    @Path("{name}")
    public Response get(@PathParam("name") String name) {
        PluginInfo plugin = host.plugin(name).orElseThrow(() -> new ApiErrorException(404, "not_found",
                "There is no plugin \"" + name + "\".", null));
        return ApiJson.response(200, plugin.json()).build();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    public Response update(@Context SecurityContext security, @PathParam("name") String name, InputStream body) {
        ObjectNode request = ApiJson.readObject(body);
        request.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new ApiErrorException(400, "unknown_field", "\"" + field + "\" is not known; the body is"
                        + " {\"enabled\": true|false, \"settings\": {…}}.", field);
            }
        });
        PluginInfo plugin = host.update(CurrentActor.of(security), name, ApiJson.optionalBoolean(request, "enabled"),
                request.get("settings"));
        return ApiJson.response(200, plugin.json()).build();
    }
}
