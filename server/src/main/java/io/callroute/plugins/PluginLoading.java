package io.callroute.plugins;

import io.callroute.actions.ActionRegistry;
import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallroutePlugin;
import io.callroute.plugin.FactProvider;
import io.callroute.plugin.FactSpec;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.PluginContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads, starts and retires plugins, turning every way a plugin can go wrong into a status with a reason instead
 * of an exception: no plugin or two plugins in one jar, an API it was not built for, a start that throws, providers
 * that cannot describe themselves or clash with others. Each load copies the jars to a private folder first and reads
 * them from there through a fresh class loader, so an admin replacing a jar never pulls it out from under a running
 * plugin, and the old loader can be closed and collected once nothing uses it.
 */
final class PluginLoading {

    private static final Logger LOG = LoggerFactory.getLogger(PluginLoading.class);
    /** As documented on {@link CallroutePlugin#name()}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** As documented on {@link FactProvider#id()}. */
    private static final Pattern FACT_ID = Pattern.compile("[A-Za-z0-9_-]+");

    private final Path shadowRoot;
    private final ClassLoader apiLoader;
    private final MeterRegistry registry;
    private final AtomicLong loads = new AtomicLong();

    PluginLoading(Path shadowRoot, ClassLoader serverLoader, MeterRegistry registry) {
        this.shadowRoot = shadowRoot;
        this.apiLoader = new ApiOnlyClassLoader(serverLoader);
        this.registry = registry;
    }

    /**
     * Loads the plugin of {@code source} without starting it: status {@link PluginStatus#DISABLED} with the plugin
     * instance and its loader open, or {@link PluginStatus#INCOMPATIBLE}/{@link PluginStatus#FAILED} with nothing
     * left open.
     */
    PluginSlot discover(PluginSource source) {
        Path shadow;
        URLClassLoader loader;
        try {
            shadow = shadowRoot.resolve(source.stem() + "-" + loads.incrementAndGet());
            Files.createDirectories(shadow);
            List<URL> urls = new ArrayList<>();
            for (Path jar : source.jars()) {
                Path copy = shadow.resolve(jar.getFileName().toString());
                Files.copy(jar, copy);
                urls.add(copy.toUri().toURL());
            }
            loader = new URLClassLoader("plugin-" + source.stem(), urls.toArray(URL[]::new), apiLoader);
        } catch (IOException | UncheckedIOException e) {
            return PluginSlot.unusable(source, source.stem(), null, null, PluginStatus.FAILED,
                    "its files could not be read: " + e.getMessage());
        }
        List<CallroutePlugin> plugins = new ArrayList<>();
        String problem = null;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Iterator<CallroutePlugin> found = ServiceLoader.load(CallroutePlugin.class, loader).iterator();
            while (found.hasNext()) {
                plugins.add(found.next());
            }
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            problem = "its plugin class could not be loaded: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause() + ")");
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (problem == null && plugins.isEmpty()) {
            problem = "it holds no plugin: list the class implementing " + CallroutePlugin.class.getName()
                    + " in META-INF/services/" + CallroutePlugin.class.getName();
        }
        if (problem == null && plugins.size() > 1) {
            problem = "it holds " + plugins.size() + " plugins (" + String.join(", ", plugins.stream()
                    .map(plugin -> plugin.getClass().getName()).toList()) + "); a jar or folder holds exactly one";
        }
        if (problem != null) {
            release(loader, shadow);
            return PluginSlot.unusable(source, source.stem(), null, null, PluginStatus.FAILED, problem);
        }
        CallroutePlugin plugin = plugins.get(0);
        String name;
        String version;
        String apiVersion;
        try {
            name = plugin.name();
            version = plugin.version();
            apiVersion = plugin.targetApiVersion();
        } catch (RuntimeException | LinkageError e) {
            release(loader, shadow);
            return PluginSlot.unusable(source, source.stem(), null, null, PluginStatus.FAILED,
                    "it failed to say its name and API version: " + e);
        }
        if (name == null || !NAME.matcher(name).matches()) {
            release(loader, shadow);
            return PluginSlot.unusable(source, source.stem(), version, apiVersion, PluginStatus.FAILED,
                    "its name \"" + name + "\" is not 1 to 64 letters, digits, _ . -");
        }
        Optional<String> incompatible = ApiCompatibility.problem(apiVersion);
        if (incompatible.isPresent()) {
            release(loader, shadow);
            return PluginSlot.unusable(source, name, version, apiVersion, PluginStatus.INCOMPATIBLE,
                    "it " + incompatible.get());
        }
        String description;
        List<ParameterSpec> settings;
        try {
            description = plugin.description();
            settings = plugin.settings();
            Set<String> names = new HashSet<>();
            for (ParameterSpec spec : settings) {
                if (!names.add(spec.name())) {
                    throw new IllegalStateException("it declares the setting " + spec.name() + " twice");
                }
            }
        } catch (RuntimeException | LinkageError e) {
            release(loader, shadow);
            return PluginSlot.unusable(source, name, version, apiVersion, PluginStatus.FAILED,
                    "it failed to describe its settings: " + e.getMessage());
        }
        return new PluginSlot(source, name, version, description, apiVersion, settings, PluginStatus.DISABLED,
                null, plugin, loader, shadow, List.of(), List.of());
    }

    /**
     * Starts a discovered plugin and collects its providers: the slot enabled, or failed with why (the plugin then
     * closed again).
     *
     * @param takenActions action ids other enabled plugins provide, with the plugin providing each
     * @param takenFacts   fact provider ids other enabled plugins provide, with the plugin providing each
     */
    PluginSlot start(PluginSlot slot, PluginContext context, Map<String, String> takenActions,
                     Map<String, String> takenFacts) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(slot.loader() == null ? previous : slot.loader());
        boolean started = false;
        try {
            slot.plugin().start(context);
            started = true;
            List<ActionProvider> actions = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (ActionProvider provider : orEmpty(slot.plugin().actionProviders())) {
                Optional<String> problem = ActionRegistry.problem(provider);
                if (problem.isPresent()) {
                    return failed(slot, "its action provider " + (provider == null ? "" : provider.getClass()
                            .getName() + " ") + problem.get());
                }
                String id = provider.id();
                if (!ids.add(id) || takenActions.containsKey(id)) {
                    return failed(slot, "its action \"" + id + "\" is also provided by plugin "
                            + takenActions.getOrDefault(id, slot.name()) + "; action ids must be unique");
                }
                actions.add(new GuardedActionProvider(slot.name(), provider, slot.loader(), registry));
            }
            List<FactProvider> facts = new ArrayList<>();
            Set<String> factIds = new HashSet<>();
            for (FactProvider provider : orEmpty(slot.plugin().factProviders())) {
                String id = provider == null ? null : provider.id();
                if (id == null || !FACT_ID.matcher(id).matches()) {
                    return failed(slot, "its fact provider id \"" + id + "\" is not letters, digits, _ -");
                }
                List<FactSpec> specs = provider.facts();
                if (specs == null) {
                    return failed(slot, "its fact provider " + id + " lists no facts");
                }
                if (!factIds.add(id) || takenFacts.containsKey(id)) {
                    return failed(slot, "its facts \"" + id + "\" are also provided by plugin "
                            + takenFacts.getOrDefault(id, slot.name()) + "; fact provider ids must be unique");
                }
                facts.add(new GuardedFactProvider(slot.name(), provider, slot.loader(), registry));
            }
            actions.sort(Comparator.comparing(ActionProvider::id));
            return slot.enabledWith(actions, facts);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Plugin {} failed to start", slot.name(), e);
            return failed(slot, (started ? "listing its providers failed: " : "its start failed: ") + e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A started plugin that cannot be used after all: closed again, its loader kept for the listing. */
    private PluginSlot failed(PluginSlot slot, String reason) {
        closePlugin(slot);
        return slot.withStatus(PluginStatus.FAILED, reason);
    }

    /** Closes the plugin (if it was started), its class loader and its private copy of the jars. */
    void retire(PluginSlot slot) {
        if (slot.builtin()) {
            return;
        }
        for (ActionProvider action : slot.actions()) {
            if (action instanceof GuardedActionProvider guarded) {
                guarded.retire();
            }
        }
        for (FactProvider fact : slot.facts()) {
            if (fact instanceof GuardedFactProvider guarded) {
                guarded.retire();
            }
        }
        if (slot.enabled()) {
            closePlugin(slot);
        }
        release(slot.loader(), slot.shadow());
    }

    private static void closePlugin(PluginSlot slot) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(slot.loader() == null ? previous : slot.loader());
        try {
            slot.plugin().close();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Plugin {} failed to close: {}", slot.name(), e.toString());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void release(URLClassLoader loader, Path shadow) {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.warn("Closing a plugin class loader failed: {}", e.toString());
            }
        }
        if (shadow != null) {
            try (Stream<Path> files = Files.walk(shadow)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                LOG.warn("Removing {} failed: {}", shadow, e.toString());
            }
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
