package io.callroute.plugins;

import io.callroute.plugin.CallContext;
import io.callroute.plugin.FactProvider;
import io.callroute.plugin.FactSpec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps each fact provider of a plugin as {@link GuardedActionProvider} wraps actions: every {@link #factsFor} is
 * timed (timer {@value GuardedActionProvider#TIMER}, so /api/plugins shows fact calls and errors too), failures are
 * logged with the plugin's name and propagate (the call gets the fallback), the decision is marked as inside the
 * plugin so an overrun deadline names it, and a removed or replaced plugin's facts refuse to run.
 */
final class GuardedFactProvider implements FactProvider {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedFactProvider.class);

    private final String plugin;
    private final FactProvider provider;
    private final ClassLoader loader;
    private final String id;
    private final Timer ok;
    private final Timer error;
    private volatile boolean retired;

    GuardedFactProvider(String plugin, FactProvider provider, ClassLoader loader, MeterRegistry registry) {
        this.plugin = plugin;
        this.provider = provider;
        this.loader = loader;
        this.id = provider.id();
        this.ok = GuardedActionProvider.timer(registry, plugin, id, "ok");
        this.error = GuardedActionProvider.timer(registry, plugin, id, "error");
    }

    /** Called when the plugin is closed: from then on its facts are gone. */
    void retire() {
        retired = true;
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
    public List<FactSpec> facts() {
        return provider.facts();
    }

    @Override
    public Map<String, String> factsFor(CallContext call) {
        if (retired) {
            throw new IllegalStateException("plugin " + plugin + " was removed or replaced; its facts " + id
                    + " are gone");
        }
        long start = System.nanoTime();
        try {
            Map<String, String> facts = PluginCall.run(plugin, loader, () -> provider.factsFor(call));
            ok.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return facts == null ? Map.of() : facts;
        } catch (RuntimeException | LinkageError e) {
            error.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            LOG.warn("Plugin {} facts {} failed: {}", plugin, id, e.toString());
            throw e;
        }
    }
}
