package io.callroute.plugins;

import io.callroute.facts.FactCatalog;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.FactProvider;
import io.callroute.plugin.FactSpec;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The enabled plugins' fact providers as the rules see them ({@code namespace.fact} names), read from the host at
 * every call so a reload takes effect without a restart. The providers are {@link GuardedFactProvider}s: a failure
 * propagates (the caller gets the fallback, other calls are untouched), is logged and counted with the plugin's
 * name, and the decision deadline bounds their time.
 */
public final class PluginFactCatalog implements FactCatalog {

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
                return provider.factsFor(call);   // guarded: timed, counted, named on failure
            }
        }
        return Map.of();   // disabled since the rules compiled: the rules' recompile follows the change
    }
}
