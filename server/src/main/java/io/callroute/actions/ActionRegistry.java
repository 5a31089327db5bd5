package io.callroute.actions;

import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallroutePlugin;
import io.callroute.plugin.ParameterSpec;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The action providers rules can name, by id. Built-in and plugin providers are registered the same way: the
 * server's plugin host builds a registry from the providers of the enabled plugins (the built-ins are the plugin
 * "builtin"); {@link #load} finds plugins through {@link ServiceLoader} for tools without a host. A provider that
 * cannot be used (fails to load, has an invalid id or declares a parameter twice) is logged and left out rather
 * than stopping the server, because one broken plugin should not take every rule down. When two providers claim the same id the first one found wins: a class loader lists its parent's
 * providers first, so the server's built-ins cannot be replaced by a plugin by accident.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class ActionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ActionRegistry.class);

    /** As documented on {@link ActionProvider#id()}: letters, digits, {@code _ . -}, starting with a letter. */
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private final SortedMap<String, ActionProvider> providers;

    private ActionRegistry(SortedMap<String, ActionProvider> providers) {
        this.providers = Collections.unmodifiableSortedMap(providers);
    }

    /**
     * The action providers of every {@link CallroutePlugin} the class loader's {@code META-INF/services} lists (the
     * server's own loader lists the built-ins), for tools and tests that run without a plugin host. A plugin that
     * cannot be loaded or fails to list its providers is logged and left out.
     */
    public static ActionRegistry load(ClassLoader loader) {
        SortedMap<String, ActionProvider> providers = new TreeMap<>();
        Iterator<CallroutePlugin> found = ServiceLoader.load(CallroutePlugin.class, loader).iterator();
        while (true) {
            CallroutePlugin plugin;
            List<ActionProvider> listed;
            try {
                if (!found.hasNext()) {
                    break;
                }
                plugin = found.next();
                listed = plugin.actionProviders();
            } catch (ServiceConfigurationError | RuntimeException e) {
                LOG.error("A plugin could not be loaded and its actions are left out: {}", e.getMessage(), e);
                continue;
            }
            for (ActionProvider provider : listed == null ? List.<ActionProvider>of() : listed) {
                register(provider, providers);
            }
        }
        LOG.info("Actions available: {}", providers.keySet());
        return new ActionRegistry(providers);
    }

    /** A registry of exactly these providers, registered in order with the same checks as {@link #load}. */
    public static ActionRegistry of(ActionProvider... providers) {
        SortedMap<String, ActionProvider> registered = new TreeMap<>();
        for (ActionProvider provider : providers) {
            register(provider, registered);
        }
        return new ActionRegistry(registered);
    }

    private static void register(ActionProvider provider, SortedMap<String, ActionProvider> providers) {
        String type = provider == null ? "(null)" : provider.getClass().getName();
        Optional<String> problem = problem(provider);
        if (problem.isPresent()) {
            LOG.error("Action provider {} {} and is left out", type, problem.get());
            return;
        }
        String id = provider.id();
        ActionProvider first = providers.putIfAbsent(id, provider);
        if (first != null) {
            LOG.warn("Two action providers have the id \"{}\": {} is used, {} is ignored", id,
                    first.getClass().getName(), type);
        }
    }

    /**
     * Why a provider cannot be registered (it fails to describe itself, has an invalid id or declares a parameter
     * twice), as the end of a sentence; empty when it can. The plugin host uses it to report a plugin as failed.
     */
    public static Optional<String> problem(ActionProvider provider) {
        if (provider == null) {
            return Optional.of("is missing (null)");
        }
        String id;
        List<ParameterSpec> parameters;
        try {
            id = provider.id();
            parameters = provider.parameters();
        } catch (RuntimeException e) {
            return Optional.of("failed to describe itself: " + e);
        }
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.of("has the invalid id \"" + id + "\" (letters, digits, _ . - starting with a letter)");
        }
        return parameterProblem(parameters).map(problem -> "(" + id + ") " + problem);
    }

    private static Optional<String> parameterProblem(List<ParameterSpec> parameters) {
        if (parameters == null) {
            return Optional.of("has no parameter list");
        }
        Set<String> seen = new HashSet<>();
        for (ParameterSpec parameter : parameters) {
            if (parameter == null) {
                return Optional.of("has a missing parameter description");
            }
            if (!seen.add(parameter.name())) {
                return Optional.of("declares the parameter " + parameter.name() + " twice");
            }
        }
        return Optional.empty();
    }

    /** The provider with exactly this id. */
    public Optional<ActionProvider> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(providers.get(id));
    }

    /** All providers, in id order. */
    public Collection<ActionProvider> all() {
        return providers.values();
    }

    /** The ids closest to one that does not exist, best first, for "did you mean …?"; may be empty. */
    public List<String> suggestions(String unknownId) {
        return SimilarNames.closest(unknownId, providers.keySet());
    }
}
