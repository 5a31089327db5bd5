package io.callroute.plugins;

import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallroutePlugin;
import io.callroute.plugin.FactProvider;
import io.callroute.plugin.ParameterSpec;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * One incarnation of one plugin: what was loaded from its files (or the built-ins), its status and, when enabled,
 * its guarded providers. Immutable: enabling, reconfiguring or reloading a plugin makes a new slot with a new class
 * loader, swaps it in, and only then retires the old one, so calls that started on the old providers finish on them.
 *
 * @param source      the files; null for the built-ins
 * @param name        the plugin's name, or the file's stem when it has none (it failed to load)
 * @param plugin      the plugin instance; null when none could be loaded or it is incompatible
 * @param loader      the plugin's own class loader; null for the built-ins and when nothing stays loaded
 * @param shadow      the private copy of the jars the loader reads (so replacing a jar never disturbs it)
 * @param actions     guarded action providers, only when enabled
 * @param facts       fact providers, only when enabled
 */
record PluginSlot(PluginSource source, String name, String version, String description, String apiVersion,
                  List<ParameterSpec> settings, PluginStatus status, String reason, CallroutePlugin plugin,
                  URLClassLoader loader, Path shadow, List<ActionProvider> actions, List<FactProvider> facts) {

    PluginSlot {
        settings = settings == null ? List.of() : List.copyOf(settings);
        actions = List.copyOf(actions);
        facts = List.copyOf(facts);
    }

    /** A plugin that could not be loaded at all, or cannot run here; nothing of it stays loaded. */
    static PluginSlot unusable(PluginSource source, String name, String version, String apiVersion,
                               PluginStatus status, String reason) {
        return new PluginSlot(source, name, version, "", apiVersion, List.of(), status, reason, null, null, null,
                List.of(), List.of());
    }

    boolean builtin() {
        return source == null;
    }

    boolean enabled() {
        return status == PluginStatus.ENABLED;
    }

    /** The same plugin with another status (e.g. disabled, or failed with why), and no providers. */
    PluginSlot withStatus(PluginStatus newStatus, String newReason) {
        return new PluginSlot(source, name, version, description, apiVersion, settings, newStatus, newReason, plugin,
                loader, shadow, List.of(), List.of());
    }

    /** The same plugin, enabled with these providers. */
    PluginSlot enabledWith(List<ActionProvider> newActions, List<FactProvider> newFacts) {
        return new PluginSlot(source, name, version, description, apiVersion, settings, PluginStatus.ENABLED, null,
                plugin, loader, shadow, newActions, newFacts);
    }
}
