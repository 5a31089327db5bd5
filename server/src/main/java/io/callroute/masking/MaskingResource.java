package io.callroute.masking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.auth.Actor;
import io.callroute.auth.CurrentActor;
import io.callroute.auth.RequiresRole;
import io.callroute.auth.Role;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import io.callroute.http.QueryParameter;
import io.callroute.plugin.ActionLimits;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/masking/sessions}: number-masking sessions for a booking backend. Needs the masking role (admins
 * have it too); a masking user can reach nothing else but their own tokens.
 */
@Path("/api/masking/sessions")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.MASKING)
public final class MaskingResource {

    /** A bulk body holds up to 1000 sessions with greetings of up to 3000 characters each. */
    static final int MAX_BULK_BYTES = 4 * 1024 * 1024;

    private final MaskingSessions sessions;
    private final BulkCreate bulk;
    private final SessionCalls calls;

    MaskingResource(MaskingSessions sessions, BulkCreate bulk, SessionCalls calls) {
        this.sessions = sessions;
        this.bulk = bulk;
        this.calls = calls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, @Context UriInfo uri, InputStream body) {
        Actor actor = CurrentActor.of(security);
        MaskingSessions.Created result = sessions.create(actor, SessionRequests.read(ApiJson.readObject(body)));
        MaskingSession session = result.session();
        return ApiJson.response(result.created() ? 201 : 200, session.toJson(sessions.now()))
                .location(uri.getBaseUriBuilder().path("api/masking/sessions/" + session.id()).build())
                .build();
    }

    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createMany(@Context SecurityContext security, InputStream body) {
        Actor actor = CurrentActor.of(security);
        ObjectNode request = ApiJson.readObject(body, MAX_BULK_BYTES);
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("sessions")) {
                throw new ApiErrorException(400, "unknown_field", "\"" + name + "\" is not known; the body is "
                        + "{\"sessions\": [ … ]}.", name);
            }
        }
        List<BulkCreate.Result> results = bulk.create(actor, request.get("sessions"));
        return ApiJson.response(200, BulkCreate.toJson(results, sessions.now())).build();
    }

    @GET
    public Response list(@QueryParam("virtualNumber") String virtualNumber,
                         @QueryParam("reference") String reference, @QueryParam("party") String party,
                         @QueryParam("state") String state, @QueryParam("limit") String limit,
                         @QueryParam("offset") String offset) {
        int max = QueryParameter.wholeNumber("limit", limit, SessionQuery.DEFAULT_LIMIT, 1, SessionQuery.MAX_LIMIT);
        int skip = QueryParameter.wholeNumber("offset", offset, 0, 0, Integer.MAX_VALUE);
        SessionQuery query = new SessionQuery(number("virtualNumber", virtualNumber), blankToNull(reference),
                number("party", party), state(state), max, skip);
        Instant now = sessions.now();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sessions", sessions.list(query).stream().map(session -> session.toJson(now)).toList());
        answer.put("limit", max);
        answer.put("offset", skip);
        return ApiJson.response(200, answer).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        MaskingSession session = sessions.get(id).orElseThrow(() -> MaskingSessions.notFound(id));
        return ApiJson.response(200, session.toJson(sessions.now())).build();
    }

    @DELETE
    @Path("{id}")
    public Response end(@Context SecurityContext security, @PathParam("id") String id) {
        sessions.end(CurrentActor.of(security), id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/calls")
    public Response calls(@PathParam("id") String id) {
        sessions.get(id).orElseThrow(() -> MaskingSessions.notFound(id));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sessionId", id);
        answer.put("events", calls.of(id));
        return ApiJson.response(200, answer).build();
    }

    /**
     * An E.164 query parameter. A "+" written unencoded in a query string arrives as a space; it is taken back as
     * the "+" it was meant to be rather than answering a puzzling 400.
     */
    private static String number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String number = value.startsWith(" ") ? "+" + value.strip() : value.strip();
        if (!ActionLimits.isE164(number)) {
            throw new ApiErrorException(400, "invalid_parameter", "\"" + name + "\" must be an E.164 number such "
                    + "as +6531580001 (write the + as %2B in a URL).", name);
        }
        return number;
    }

    private static SessionState state(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("all")) {
            return null;
        }
        try {
            return SessionState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiErrorException(400, "invalid_parameter", "\"state\" must be live, ended, expired or all.",
                    "state");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
