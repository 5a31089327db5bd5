package io.callroute.plugins;

import io.callroute.facts.FactCatalog;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.FactProvider;
import io.callroute.plugin.FactSpec;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enabled plugins' fact providers as the rules see them ({@code namespace.fact} names), read from the host at
 * every call so a reload takes effect without a restart. A provider that throws or answers nothing usable is logged
 * with its namespace and the exception propagates: the caller gets the fallback, other calls are untouched. Like
 * actions, a provider's time is bounded by the decision deadline, whose reason names the plugin.
 */
public final class PluginFactCatalog implements FactCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(PluginFactCatalog.class);

    private final PluginHost host;

    public PluginFactCatalog(PluginHost host) {
        this.host = host;
    }

    @Override
    public Set<String> factNames() {
        Set<String> names = new HashSet<>();
        for (FactProvider provider : host.factProviders()) {
            for (FactSpec fact : provider.facts()) {
                names.add(provider.id() + "." + fact.name());
            }
        }
        return names;
    }

    @Override
    public Map<String, String> factsFor(String namespace, CallContext call) {
        for (FactProvider provider : host.factProviders()) {
            if (provider.id().equals(namespace)) {
                String previous = PluginCallTracker.enter("facts:" + namespace);
                boolean failed = true;
                try {
                    Map<String, String> facts = provider.factsFor(call);
                    failed = false;
                    return facts == null ? Map.of() : facts;
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("Fact provider {} failed: {}", namespace, e.toString());
                    throw e;
                } finally {
                    PluginCallTracker.leave(previous, "facts:" + namespace, failed);
                }
            }
        }
        return Map.of();   // disabled since the rules compiled: the rules' recompile follows the change
    }
}
