package io.callroute.http;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON provider for any entity that is not already bytes, pinned to Jackson with {@link ApiJson#MAPPER}.
 *
 * <p>Our resources write their JSON themselves, but a provider must still be fixed: on GlassFish and Payara the
 * server's Jersey registers JSON-B for {@code application/json}, which beats a provider declared for {@code *}{@code /*}
 * (media-type distance is compared first) and silently writes other field names. Declaring the JSON media types
 * and a priority above the default user priority makes Jackson win on every server (ADR 8).
 */
@Provider
@Priority(1000)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public final class PinnedJsonProvider extends JacksonJsonProvider {

    public PinnedJsonProvider() {
        super(ApiJson.MAPPER);
    }
}
