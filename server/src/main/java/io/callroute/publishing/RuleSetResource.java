package io.callroute.publishing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.auth.RequiresRole;
import io.callroute.auth.Role;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Date;

/**
 * Rule set drafts and their rules as JSON, and as YAML files: {@code /api/rule-sets}. Reads give an ETag (a draft's
 * revision, a rule's content hash); changes must send it back in {@code If-Match} and get 409 with the current
 * state when someone else saved first. Saving a draft never affects calls — see {@link VersionResource}.
 */
@Path("/api/rule-sets")
public final class RuleSetResource {

    private final Drafts drafts;
    private final Callers callers;

    RuleSetResource(Drafts drafts, Callers callers) {
        this.drafts = drafts;
        this.callers = callers;
    }

    @GET
    @RequiresRole(Role.VIEWER)
    public Response list() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        drafts.list().forEach(draft -> list.add(Representations.draftSummary(draft)));
        return Representations.json(200, list).build();
    }

    @POST
    @RequiresRole(Role.EDITOR)
    public Response create(byte[] body, @Context SecurityContext security, @Context UriInfo uri) {
        Saved saved = drafts.create(callers.of(security), RequestBodies.json(body));
        return Representations.json(201, Representations.saved(saved))
                .location(location(uri, "api/rule-sets/" + saved.draft().name()))
                .tag(Long.toString(saved.draft().revision())).build();
    }

    @GET
    @Path("{name}")
    @RequiresRole(Role.VIEWER)
    public Response get(@PathParam("name") String name) {
        Draft draft = drafts.get(name);
        return Representations.json(200, draft.document()).tag(Long.toString(draft.revision()))
                .lastModified(Date.from(draft.updatedAt())).build();
    }

    @PUT
    @Path("{name}")
    @RequiresRole(Role.EDITOR)
    public Response replace(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            byte[] body, @Context SecurityContext security) {
        Saved saved = drafts.replace(callers.of(security), name, ifMatch, RequestBodies.json(body));
        return Representations.json(200, Representations.saved(saved)).tag(Long.toString(saved.draft().revision()))
                .build();
    }

    @DELETE
    @Path("{name}")
    @RequiresRole(Role.EDITOR)
    public Response delete(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Context SecurityContext security) {
        drafts.delete(callers.of(security), name, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("{name}/rules")
    @RequiresRole(Role.VIEWER)
    public Response rules(@PathParam("name") String name) {
        Draft draft = drafts.get(name);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("ruleSet", name)
                .put("revision", draft.revision());
        ArrayNode rules = body.putArray("rules");
        for (Drafts.RuleView rule : drafts.rules(name)) {
            ObjectNode item = rules.addObject().put("etag", rule.etag());
            item.set("rule", rule.rule());
        }
        return Representations.json(200, body).tag(Long.toString(draft.revision())).build();
    }

    @POST
    @Path("{name}/rules")
    @RequiresRole(Role.EDITOR)
    public Response createRule(@PathParam("name") String name, byte[] body, @Context SecurityContext security,
                               @Context UriInfo uri) {
        Saved saved = drafts.createRule(callers.of(security), name, RequestBodies.json(body));
        return Representations.json(201, Representations.saved(saved))
                .location(location(uri, "api/rule-sets/" + name + "/rules/" + saved.ruleId()))
                .tag(EditRefusedMapper.unquoted(saved.ruleEtag())).build();
    }

    @GET
    @Path("{name}/rules/{ruleId}")
    @RequiresRole(Role.VIEWER)
    public Response rule(@PathParam("name") String name, @PathParam("ruleId") String ruleId) {
        Drafts.RuleView rule = drafts.rule(name, ruleId);
        return Representations.json(200, rule.rule()).tag(EditRefusedMapper.unquoted(rule.etag())).build();
    }

    @PUT
    @Path("{name}/rules/{ruleId}")
    @RequiresRole(Role.EDITOR)
    public Response replaceRule(@PathParam("name") String name, @PathParam("ruleId") String ruleId,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body,
                                @Context SecurityContext security, @Context UriInfo uri) {
        Saved saved = drafts.replaceRule(callers.of(security), name, ruleId, ifMatch, RequestBodies.json(body));
        Response.ResponseBuilder response = Representations.json(200, Representations.saved(saved))
                .tag(EditRefusedMapper.unquoted(saved.ruleEtag()));
        if (!saved.ruleId().equals(ruleId)) {
            response.location(location(uri, "api/rule-sets/" + name + "/rules/" + saved.ruleId()));
        }
        return response.build();
    }

    @DELETE
    @Path("{name}/rules/{ruleId}")
    @RequiresRole(Role.EDITOR)
    public Response deleteRule(@PathParam("name") String name, @PathParam("ruleId") String ruleId,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext security) {
        drafts.deleteRule(callers.of(security), name, ruleId, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("{name}/yaml")
    @RequiresRole(Role.VIEWER)
    public Response exportYaml(@PathParam("name") String name) {
        Draft draft = drafts.get(name);
        return Response.ok(CanonicalYaml.write(draft.document()), Representations.YAML)
                .tag(Long.toString(draft.revision()))
                .header("Content-Disposition", "attachment; filename=\"" + name + ".yaml\"").build();
    }

    @PUT
    @Path("{name}/yaml")
    @RequiresRole(Role.EDITOR)
    public Response importYaml(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               byte[] body, @Context SecurityContext security, @Context UriInfo uri) {
        Saved saved = drafts.importYaml(callers.of(security), name, ifMatch, RequestBodies.text(body));
        Response.ResponseBuilder response = Representations.json(saved.created() ? 201 : 200,
                Representations.saved(saved)).tag(Long.toString(saved.draft().revision()));
        if (saved.created()) {
            response.location(location(uri, "api/rule-sets/" + name));
        }
        return response.build();
    }

    private static URI location(UriInfo uri, String path) {
        return uri.getBaseUriBuilder().path(path).build();
    }
}
