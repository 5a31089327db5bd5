package io.callroute.analytics;

import io.callroute.auth.RequiresRole;
import io.callroute.auth.Role;
import io.callroute.http.QueryParameter;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** {@code GET /api/analytics}: rule hits, fallbacks by reason and menu DTMF funnels over a window; viewers. */
@Path("/api/analytics")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.VIEWER)
public final class AnalyticsResource {

    /** The window when {@code from} is not given: the week before {@code to}. */
    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    private final RuleAnalytics analytics;
    private final Clock clock;

    public AnalyticsResource(RuleAnalytics analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    @GET
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant until = QueryParameter.instant("to", to);
        if (until == null) {
            until = clock.instant();
        }
        Instant since = QueryParameter.instant("from", from);
        if (since == null) {
            since = until.minus(DEFAULT_WINDOW);
        }
        if (!since.isBefore(until)) {
            throw new ApiErrorException(400, "invalid_parameter", "\"from\" must be before \"to\".", "from");
        }
        return ApiJson.response(200, analytics.report(since, until)).build();
    }
}
