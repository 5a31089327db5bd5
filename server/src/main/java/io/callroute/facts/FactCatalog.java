package io.callroute.facts;

import io.callroute.plugin.CallContext;
import java.util.Map;
import java.util.Set;

/**
 * The facts that plugins contribute ({@code holiday.today}, {@code lookup.tier}…), as the rules see them: which
 * names exist (checked when rules load) and their values for one call. Implemented by the plugin host.
 */
public interface FactCatalog {

    /** No plugin facts. */
    FactCatalog NONE = new FactCatalog() {
        @Override
        public Set<String> factNames() {
            return Set.of();
        }

        @Override
        public Map<String, String> factsFor(String namespace, CallContext call) {
            return Map.of();
        }
    };

    /** Every fact name that may be asked for, qualified by its provider's namespace, e.g. {@code lookup.tier}. */
    Set<String> factNames();

    /**
     * The facts of one provider for this call, by unqualified name; runs on the webhook path within the decision's
     * deadline. A provider failure propagates, so the caller gets the fallback and the failure is counted.
     */
    Map<String, String> factsFor(String namespace, CallContext call);
}
