package io.callroute.replay;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.auth.RequiresRole;
import io.callroute.auth.Role;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import io.callroute.http.BoundedBody;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/replay}: how many recent calls a change would answer differently, before anyone publishes it. A
 * POST because it does real work (compiles and decides up to 10,000 events twice), though it changes nothing.
 */
@Path("/api/replay")
@Produces(MediaType.APPLICATION_JSON)
public final class ReplayResource {

    private final Replay replay;

    public ReplayResource(Replay replay) {
        this.replay = replay;
    }

    @POST
    @RequiresRole(Role.VIEWER)
    public Response replay(InputStream body) {
        return ApiJson.response(200, replay.run(ReplayRequest.read(object(body)))).build();
    }

    /** The body as an object; no body at all means every default ({@code {}}). */
    private static ObjectNode object(InputStream body) {
        byte[] bytes;
        try {
            bytes = BoundedBody.read(body, ApiJson.MAX_BODY_BYTES);
        } catch (BoundedBody.TooLargeException e) {
            throw new ApiErrorException(413, "body_too_large", "The body is larger than " + e.limit() + " bytes.",
                    null);
        } catch (IOException e) {
            throw new ApiErrorException(400, "unreadable_body", "The request body could not be read.", null);
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        return ApiJson.readObject(new ByteArrayInputStream(bytes));
    }
}
