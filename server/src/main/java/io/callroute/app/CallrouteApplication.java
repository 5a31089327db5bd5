package io.callroute.app;

import io.callroute.admin.OpenApiDocument;
import io.callroute.admin.OpenApiResource;
import io.callroute.analytics.AnalyticsResource;
import io.callroute.http.PinnedJsonProvider;
import io.callroute.plugins.PluginResource;
import io.callroute.simulate.SimulateResource;
import io.callroute.webhook.WebhookGuardFilter;
import io.callroute.webhook.WebhookResource;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Context;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The JAX-RS application: registers the resources of the running {@link Callroute} as singletons, so nothing is
 * looked up per request.
 */
public final class CallrouteApplication extends ResourceConfig {

    public CallrouteApplication(@Context ServletContext servletContext) {
        Callroute callroute = (Callroute) servletContext.getAttribute(CallrouteLifecycle.ATTRIBUTE);
        if (callroute == null) {
            throw new IllegalStateException("Callroute did not start; see the log above for the reason");
        }
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        property(ServerProperties.BV_FEATURE_DISABLE, true);
        register(PinnedJsonProvider.class);
        register(new WebhookGuardFilter(callroute.guard(), callroute.registry(), callroute.clientAddresses()));
        register(new WebhookResource(callroute.envelopeParser(), callroute.callEventReader(), callroute.callActions(),
                callroute.recorder(), callroute.registry(), callroute.settings().maxWebhookBytes(), callroute.clock()));
        register(new HealthResource(callroute.liveRules(), callroute.database(), callroute.recorder(),
                callroute.settings().nodeId()));
        register(new MetricsResource(callroute.registry()));
        // The authentication filter sets an Actor on every /api request; a resource reached without one refuses it.
        callroute.publishing().resources(null).forEach(this::register);
        callroute.masking().resources().forEach(this::register);
        callroute.analysis().resources().forEach(this::register);
        register(new PluginResource(callroute.plugins()));
        register(new SimulateResource(callroute.simulator()));
        callroute.callLog().resources().forEach(this::register);
        register(new AnalyticsResource(callroute.analytics(), callroute.clock()));
        callroute.testCases().resources().forEach(this::register);
        callroute.replay().resources().forEach(this::register);
        register(new UnhandledExceptionMapper(callroute.registry()));
        register(new DurableChanges(callroute.database()));
        register(new OpenApiResource(OpenApiDocument.load()));
        register(new SystemResource(callroute.database(), servletContext.getServerInfo()));
        callroute.adminAuth().jaxrsComponents(callroute.clientAddresses()).forEach(this::register);
    }
}
