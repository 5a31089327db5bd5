package io.callroute.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/openapi.json}: the documented HTTP surface (authenticated like every /api route). */
@Path("/api/openapi.json")
public final class OpenApiResource {

    private final OpenApiDocument document;

    public OpenApiResource(OpenApiDocument document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return Response.ok(document.json(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
