package io.callroute.simulate;

import io.callroute.auth.RequiresRole;
import io.callroute.auth.Role;
import io.callroute.http.ApiJson;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;

/**
 * {@code POST /api/simulate}: an 8x8 CALL_ACTION event (and optionally which rules: {@code live}, {@code draft} or a
 * version number) → the callflow the caller would get, the rule that decided, and for every candidate rule which
 * conditions held and which did not, with the facts used (local time in each zone, country, DTMF, menu).
 */
@Path("/api/simulate")
public final class SimulateResource {

    private final Simulator simulator;

    public SimulateResource(Simulator simulator) {
        this.simulator = simulator;
    }

    @POST
    @RequiresRole(Role.VIEWER)
    public Response simulate(InputStream body, @QueryParam("version") String version) {
        SimulationRequest request = SimulationRequest.from(ApiJson.readObject(body), version);
        return ApiJson.response(200, simulator.simulate(request)).build();
    }
}
