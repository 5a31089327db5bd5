package io.callroute.publishing;

import io.callroute.auth.RequiresRole;
import io.callroute.auth.Role;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/validate}: compiles all drafts together, exactly as publishing would, without making anything
 * live, and lists every problem with a JSON path into its rule set. A POST because it does real work (a Drools
 * build) and its answer changes with every edit.
 */
@Path("/api/validate")
public final class ValidationResource {

    private final Drafts drafts;

    ValidationResource(Drafts drafts) {
        this.drafts = drafts;
    }

    @POST
    @RequiresRole(Role.VIEWER)
    public Response validate() {
        return Representations.json(200, Representations.validation(drafts.validate())).build();
    }
}
