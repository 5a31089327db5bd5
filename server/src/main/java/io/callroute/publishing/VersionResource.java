package io.callroute.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.auth.Actor;
import io.callroute.auth.RequiresRole;
import io.callroute.auth.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Iterator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Published versions: {@code /api/versions}. Publishing the drafts creates the next version and makes it live;
 * publishing an existing version again is the rollback. Versions never change, so they can be compared, exported
 * and inspected (their DRL) at any time.
 */
@Path("/api/versions")
public final class VersionResource {

    private static final Logger LOG = LoggerFactory.getLogger(VersionResource.class);
    private static final int HISTORY = 50;

    private final Versions versions;
    private final Publisher publisher;
    private final Callers callers;

    VersionResource(Versions versions, Publisher publisher, Callers callers) {
        this.versions = versions;
        this.publisher = publisher;
        this.callers = callers;
    }

    @GET
    @RequiresRole(Role.VIEWER)
    public Response list() {
        Optional<Publication> live = versions.live();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (live.isPresent()) {
            body.put("live", live.get().version());
        } else {
            body.putNull("live");
        }
        ArrayNode list = body.putArray("versions");
        versions.list().forEach(version -> list.add(Representations.version(version, live)));
        ArrayNode history = body.putArray("publications");
        versions.publications(HISTORY).forEach(publication -> history.add(Representations.publication(publication)));
        return Representations.json(200, body).build();
    }

    @POST
    @RequiresRole(Role.PUBLISHER)
    public Response publish(byte[] body, @Context SecurityContext security, @Context UriInfo uri) {
        JsonNode request = RequestBodies.optionalJson(body);
        if (!request.isObject()) {
            throw new EditRefused.Invalid("$", "the body must be a JSON object such as {\"comment\": \"…\"}");
        }
        Iterator<String> keys = request.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!key.equals("comment") && !key.equals("override")) {
                throw new EditRefused.Invalid("$." + key, "is not a known key; the known ones are \"comment\" and"
                        + " \"override\"");
            }
        }
        JsonNode comment = request.get("comment");
        if (comment != null && !comment.isNull() && !comment.isTextual()) {
            throw new EditRefused.Invalid("$.comment", "must be text");
        }
        JsonNode override = request.get("override");
        if (override != null && !override.isNull() && !override.isTextual()) {
            throw new EditRefused.Invalid("$.override", "must be text: the reason for publishing despite errors");
        }
        Actor actor = callers.of(security);
        // Compiling and checking a large rule set takes seconds: this line tells an operator (and the crash-safety
        // test, which kills the server during a publish) that one is under way; Publisher logs how it ended.
        LOG.info("Publish of the drafts requested by {}", actor.username());
        Published published = publisher.publish(actor,
                comment == null || comment.isNull() ? null : comment.asText(),
                override == null || override.isNull() ? null : override.asText());
        VersionSummary version = published.version();
        ObjectNode answer = Representations.version(version, versions.live());
        answer.set("findings", Representations.findings(published.findings()));
        answer.put("override", published.override());
        return Representations.json(201, answer)
                .location(uri.getBaseUriBuilder().path("api/versions/" + version.number()).build()).build();
    }

    @GET
    @Path("live")
    @RequiresRole(Role.VIEWER)
    public Response live() {
        Publication live = versions.live().orElseThrow(() -> new EditRefused.NotFound("No version is live yet"));
        Version version = versions.get(live.version());
        ObjectNode body = Representations.version(new VersionSummary(version.number(), version.ruleSetNames(),
                version.createdBy(), version.createdAt(), version.comment()), Optional.of(live));
        body.set("publication", Representations.publication(live));
        return Representations.json(200, body).build();
    }

    @GET
    @Path("{number}")
    @RequiresRole(Role.VIEWER)
    public Response get(@PathParam("number") String number) {
        return Representations.json(200, Representations.fullVersion(versions.resolve(number), versions.live()))
                .build();
    }

    @GET
    @Path("{number}/rule-sets/{name}/yaml")
    @RequiresRole(Role.VIEWER)
    public Response yaml(@PathParam("number") String number, @PathParam("name") String name) {
        return Response.ok(CanonicalYaml.write(versions.ruleSet(number, name)), Representations.YAML)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".yaml\"").build();
    }

    @POST
    @Path("{number}/publish")
    @RequiresRole(Role.PUBLISHER)
    public Response rollback(@PathParam("number") String number, @Context SecurityContext security) {
        Publication publication = publisher.rollback(callers.of(security), Versions.number(number));
        return Representations.json(200, Representations.publication(publication)).build();
    }

    @GET
    @Path("{from}/diff/{to}")
    @RequiresRole(Role.VIEWER)
    public Response diff(@PathParam("from") String from, @PathParam("to") String to) {
        return Representations.json(200, versions.diff(from, to)).build();
    }

    @GET
    @Path("{number}/drl")
    @RequiresRole(Role.VIEWER)
    public Response drl(@PathParam("number") String number) {
        return Response.ok(versions.drl(number), "text/plain; charset=utf-8").build();
    }
}
