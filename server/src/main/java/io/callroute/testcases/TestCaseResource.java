package io.callroute.testcases;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.auth.CurrentActor;
import io.callroute.auth.RequiresRole;
import io.callroute.auth.Role;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import io.callroute.publishing.Versions;
import io.callroute.rules.CompiledRules;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;

/**
 * {@code /api/test-cases}: saved (event → expected answer) cases, and running them all against the drafts, the live
 * rules or any version. Editors change cases, viewers read and run them.
 */
@Path("/api/test-cases")
@Produces(MediaType.APPLICATION_JSON)
public final class TestCaseResource {

    /** A case holds an event of up to 64 KiB (the webhook cap) and maybe a callflow. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final TestCases cases;
    private final Versions versions;

    TestCaseResource(TestCases cases, Versions versions) {
        this.cases = cases;
        this.versions = versions;
    }

    @GET
    @RequiresRole(Role.VIEWER)
    public Response list() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("testCases");
        cases.list().forEach(testCase -> list.add(testCase.toJson()));
        return ApiJson.response(200, body).build();
    }

    @POST
    @RequiresRole(Role.EDITOR)
    public Response create(@Context SecurityContext security, @Context UriInfo uri, InputStream body) {
        TestCases.Saved saved = cases.create(CurrentActor.of(security), ApiJson.readObject(body, MAX_BODY_BYTES));
        return saved(201, saved).location(uri.getBaseUriBuilder().path("api/test-cases/" + saved.testCase().name())
                .build()).build();
    }

    @GET
    @Path("{name}")
    @RequiresRole(Role.VIEWER)
    public Response get(@PathParam("name") String name) {
        TestCase testCase = cases.get(name);
        return ApiJson.response(200, testCase.toJson()).header("ETag", testCase.etag()).build();
    }

    @PUT
    @Path("{name}")
    @RequiresRole(Role.EDITOR)
    public Response replace(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch,
                            @Context SecurityContext security, InputStream body) {
        return saved(200, cases.replace(CurrentActor.of(security), name, ifMatch,
                ApiJson.readObject(body, MAX_BODY_BYTES))).build();
    }

    @DELETE
    @Path("{name}")
    @RequiresRole(Role.EDITOR)
    public Response delete(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch,
                           @Context SecurityContext security) {
        cases.delete(CurrentActor.of(security), name, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("run")
    @RequiresRole(Role.VIEWER)
    public Response run(@QueryParam("version") String version) {
        String reference = reference(version);
        CompiledRules rules = versions.compiled(reference);
        List<CaseResult> results = cases.run(rules);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("version", reference);
        body.put("compiledVersion", rules.version());
        body.put("total", results.size());
        for (CaseResult.Status status : CaseResult.Status.values()) {
            body.put(status.name().toLowerCase(java.util.Locale.ROOT),
                    results.stream().filter(result -> result.status() == status).count());
        }
        ArrayNode list = body.putArray("results");
        results.forEach(result -> list.add(result.toJson()));
        return ApiJson.response(200, body).build();
    }

    /** {@code draft} (the default), {@code live} or a version number; 400 naming {@code version} otherwise. */
    static String reference(String version) {
        if (version == null || version.isBlank()) {
            return Versions.DRAFT;
        }
        String reference = version.strip();
        if (reference.equals(Versions.DRAFT) || reference.equals(Versions.LIVE)
                || reference.matches("[1-9][0-9]{0,8}")) {
            return reference;
        }
        throw new ApiErrorException(400, "invalid_parameter", "\"version\" must be \"draft\", \"live\" or a version"
                + " number.", "version");
    }

    private static Response.ResponseBuilder saved(int status, TestCases.Saved saved) {
        ObjectNode body = saved.testCase().toJson();
        saved.warnings().forEach(body.putArray("warnings")::add);
        return ApiJson.response(status, body).header("ETag", saved.testCase().etag());
    }
}
