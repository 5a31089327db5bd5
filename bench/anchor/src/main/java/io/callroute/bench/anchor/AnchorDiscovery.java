package io.callroute.bench.anchor;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Adds {@link StaticCallflowResource} to the application Jersey serves, found through Jersey's auto-discovery
 * (this jar's META-INF/services), because Callroute's application registers its resources by hand and offers no
 * extension point of its own — none is wanted in production for this. Registered as one instance, as Callroute
 * registers its own resources, so neither side pays for a resource object per request.
 */
public final class AnchorDiscovery implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(StaticCallflowResource.class)) {
            context.register(new StaticCallflowResource());
        }
    }
}
