package io.callroute.audit;

import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/audit}: the audit log for anyone signed in (viewers included — seeing who changed what is part of
 * reading the configuration). Parameters are checked here so that a typo answers 400 naming the parameter instead
 * of silently matching nothing.
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    public Response query(@QueryParam("actor") String actor, @QueryParam("action") String action,
                          @QueryParam("target") String target, @QueryParam("since") String since,
                          @QueryParam("until") String until, @QueryParam("limit") String limit) {
        AuditQuery query = new AuditQuery(blankToNull(actor), blankToNull(action), blankToNull(target),
                instant("since", since), instant("until", until), limit(limit));
        List<AuditEvent> events = audit.query(query);
        return ApiJson.response(200, Map.of("events", events, "limit", query.limit())).build();
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ApiErrorException(400, "invalid_parameter", "\"" + name
                    + "\" must be an ISO-8601 instant such as 2026-01-31T23:59:00Z.", name);
        }
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return AuditQuery.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= AuditQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiErrorException(400, "invalid_parameter", "\"limit\" must be a whole number from 1 to "
                + AuditQuery.MAX_LIMIT + ".", "limit");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
