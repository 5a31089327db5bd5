package io.callroute.plugins;

import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.Parameters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps each provider of a plugin on its way into the registry: times every {@link #build} (timer
 * {@value #TIMER} tagged plugin, provider and outcome), logs and counts what fails with the plugin's name, and marks
 * the decision as inside the plugin ({@link PluginCallTracker}) so an overrun deadline names it. Exceptions still
 * propagate: the call path turns them into the fallback callflow.
 *
 * <p>There is no separate time budget per provider call: enforcing one would need a thread hop per step. The
 * decision deadline ({@code DecisionRunner}) bounds every call, plugins included, and its fallback reason names the
 * plugin that was running when it passed.
 */
final class GuardedActionProvider implements ActionProvider {

    static final String TIMER = "callroute.plugin.calls";
    private static final Logger LOG = LoggerFactory.getLogger(GuardedActionProvider.class);

    private final String plugin;
    private final ActionProvider provider;
    private final ClassLoader loader;
    private final String id;
    private final Timer ok;
    private final Timer error;
    private final Timer invalid;
    private volatile boolean retired;

    /** @param loader the plugin's class loader, made the thread's context loader while it builds; null to leave it */
    GuardedActionProvider(String plugin, ActionProvider provider, ClassLoader loader, MeterRegistry registry) {
        this.plugin = plugin;
        this.provider = provider;
        this.loader = loader;
        this.id = provider.id();
        this.ok = timer(registry, plugin, id, "ok");
        this.error = timer(registry, plugin, id, "error");
        this.invalid = timer(registry, plugin, id, "invalid");
    }

    static Timer timer(MeterRegistry registry, String plugin, String provider, String outcome) {
        return Timer.builder(TIMER).tag("plugin", plugin).tag("provider", provider).tag("outcome", outcome)
                .description("Calls of plugin action providers").publishPercentiles(0.99).register(registry);
    }

    String plugin() {
        return plugin;
    }

    /**
     * Called when the plugin is closed (removed or replaced, after the grace for running calls): from then on
     * {@link #build} throws, so live rules still naming a removed plugin's step answer the fallback callflow instead
     * of running code of a closed plugin.
     */
    void retire() {
        retired = true;
    }

    /** The plugin's own provider, for tests and diagnostics. */
    ActionProvider unwrapped() {
        return provider;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return provider.displayName();
    }

    @Override
    public String description() {
        return provider.description();
    }

    @Override
    public List<ParameterSpec> parameters() {
        return provider.parameters();
    }

    private static boolean malformed(List<CallAction> actions) {
        if (actions == null) {
            return true;
        }
        for (CallAction action : actions) {   // not contains(null): immutable lists throw on it
            if (action == null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<CallAction> build(Parameters parameters, CallContext call) {
        if (retired) {
            throw new IllegalStateException("plugin " + plugin + " was removed or replaced; its action " + id
                    + " is gone");
        }
        long start = System.nanoTime();
        try {
            List<CallAction> actions = PluginCall.run(plugin, loader, () -> provider.build(parameters, call));
            boolean malformed = malformed(actions);
            (malformed ? invalid : ok).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (malformed) {
                LOG.warn("Plugin {} action {} returned {}", plugin, id,
                        actions == null ? "no list of actions" : "a missing (null) action");
            }
            return actions;
        } catch (RuntimeException | LinkageError e) {
            error.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            LOG.warn("Plugin {} action {} failed: {}", plugin, id, e.toString());
            throw e;
        }
    }
}
