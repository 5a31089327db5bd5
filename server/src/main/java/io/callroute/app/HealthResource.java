package io.callroute.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.LiveRules;
import io.callroute.store.Database;
import io.callroute.store.EventRecorder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Liveness (the process answers) and readiness (rules compiled and live, store reachable) for load balancers and
 * orchestrators. Readiness answers 503 with the reason when not ready.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private static final JsonFactory JSON = new JsonFactory();

    private final LiveRules rules;
    private final Database database;
    private final EventRecorder recorder;
    private final String node;

    /** @param node this node's name, so that whoever polls several nodes (or one through a balancer) sees which */
    HealthResource(LiveRules rules, Database database, EventRecorder recorder, String node) {
        this.node = node;
        this.rules = rules;
        this.database = database;
        this.recorder = recorder;
    }

    @GET
    @Path("live")
    public Response live() {
        return Response.ok(json(true, null, null)).build();
    }

    @GET
    @Path("ready")
    public Response ready() {
        Optional<CompiledRules> live = rules.current();
        boolean storeUp = database.isHealthy();
        String reason = null;
        if (live.isEmpty()) {
            reason = "no rules are live: " + String.join("; ", rules.loadProblems());
        } else if (!storeUp) {
            reason = "the store does not answer";
        }
        byte[] body = json(reason == null, reason, live.orElse(null));
        return Response.status(reason == null ? 200 : 503).entity(body).build();
    }

    private byte[] json(boolean up, String reason, CompiledRules live) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("status", up ? "UP" : "DOWN");
            json.writeStringField("node", node);
            if (reason != null) {
                json.writeStringField("reason", reason);
            }
            if (live != null) {
                json.writeNumberField("version", live.version());   // which version answers here, node by node
                json.writeNumberField("rules", live.ruleCount());
                json.writeNumberField("recorderBacklog", recorder.backlog());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
