package io.callroute.calllog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.auth.RequiresRole;
import io.callroute.auth.Role;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import io.callroute.http.QueryParameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * {@code /api/calls}: the call log — every webhook with what was done about it and, for a CALL_ACTION, why — and
 * "why this callflow?" asked again of any version. Viewers may read it; numbers are as stored (masked by default).
 */
@Path("/api/calls")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.VIEWER)
public final class CallLogResource {

    private final CallLog log;
    private final CallExplainer explainer;

    CallLogResource(CallLog log, CallExplainer explainer) {
        this.log = log;
        this.explainer = explainer;
    }

    @GET
    public Response list(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("session") String session, @QueryParam("rule") String rule,
                         @QueryParam("outcome") String outcome, @QueryParam("number") String number,
                         @QueryParam("limit") String limit, @QueryParam("before") String before) {
        int max = QueryParameter.wholeNumber("limit", limit, CallQuery.DEFAULT_LIMIT, 1, CallQuery.MAX_LIMIT);
        Instant since = QueryParameter.instant("from", from);
        Instant until = QueryParameter.instant("to", to);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new ApiErrorException(400, "invalid_parameter", "\"from\" must be before \"to\".", "from");
        }
        CallQuery query = new CallQuery(since, until, QueryParameter.text(session), QueryParameter.text(rule),
                QueryParameters.outcome(outcome), QueryParameters.number(number), max,
                QueryParameters.id("before", before));
        List<LoggedCall> calls = log.list(query);
        ObjectNode answer = ApiJson.MAPPER.createObjectNode();
        ArrayNode items = answer.putArray("calls");
        calls.forEach(call -> items.add(CallJson.summary(call)));
        answer.put("limit", max);
        if (calls.size() == max) {
            answer.put("nextBefore", calls.get(calls.size() - 1).id());
        } else {
            answer.putNull("nextBefore");
        }
        return ApiJson.response(200, answer).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return ApiJson.response(200, CallJson.detail(find(id))).build();
    }

    @POST
    @Path("{id}/explain")
    public Response explain(@PathParam("id") String id, @QueryParam("version") String version) {
        return ApiJson.response(200, explainer.explain(find(id), version)).build();
    }

    private LoggedCall find(String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound(id);
        }
        return log.find(number).orElseThrow(() -> notFound(id));
    }

    private static ApiErrorException notFound(String id) {
        return new ApiErrorException(404, "not_found", "There is no call " + (id.length() > 20
                ? id.substring(0, 20) + "…" : id) + " in the call log (it may have been purged).", null);
    }
}
