package io.callroute.analysis;

import io.callroute.auth.RequiresRole;
import io.callroute.auth.Role;
import io.callroute.http.ApiJson;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/analysis?version=draft|live|<n>}: the findings of the analysis of a version's rules (gaps,
 * overlaps, shadowed rules, unhandled keys, menus with no way out, DST) and the entries it looked at.
 */
@Path("/api/analysis")
public final class AnalysisResource {

    private final Analysis analysis;

    AnalysisResource(Analysis analysis) {
        this.analysis = analysis;
    }

    @GET
    @RequiresRole(Role.VIEWER)
    public Response analyse(@QueryParam("version") String version) {
        String reference = Analysis.version(version);
        return ApiJson.response(200, analysis.analyze(reference).toJson(reference)).build();
    }
}
