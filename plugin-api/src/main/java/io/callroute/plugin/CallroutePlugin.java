package io.callroute.plugin;

import java.util.List;

/**
 * One plugin: a jar (or a folder of jars) dropped into the plugins folder, discovered with
 * {@link java.util.ServiceLoader} (list the class in {@code META-INF/services/io.callroute.plugin.CallroutePlugin}).
 * It says which API version it was built against, which settings it needs (the admin UI draws a form from them),
 * and which providers it contributes. The server loads each plugin in its own class loader, so a plugin may bundle
 * its own libraries.
 *
 * <p>Lifecycle: the server calls {@link #start} once the plugin is enabled and configured, then asks for its
 * providers; {@link #close} when it is disabled, replaced or removed. Calls already in progress may still reach the
 * old providers until they finish.
 *
 * <p>Every method but {@link #name()} and {@link #targetApiVersion()} has a default, and new ones will too, so a
 * plugin keeps working on later servers of the same major API version.
 */
public interface CallroutePlugin {

    /** A short unique name, e.g. {@code holiday-calendar}: letters, digits, {@code _ . -}. */
    String name();

    /** The plugin's own version, shown to admins. */
    default String version() {
        return "unversioned";
    }

    /** One or two sentences for the admin UI. */
    default String description() {
        return "";
    }

    /**
     * The plugin API version this plugin was compiled against. Implement it as {@code return PluginApi.VERSION;}:
     * the constant is copied into the plugin when it is compiled. A plugin for another major version, or for a newer
     * minor version than the server's, is reported as incompatible and not loaded.
     */
    String targetApiVersion();

    /** The settings an admin fills in before enabling the plugin; {@link ParameterType#SECRET}s are never shown back. */
    default List<ParameterSpec> settings() {
        return List.of();
    }

    /**
     * Starts the plugin with its settings (defaults applied, required ones present). Throw
     * {@link InvalidParameterException} for a setting that cannot work; the plugin is then reported as failed.
     */
    default void start(PluginContext context) {
    }

    /** The actions this plugin contributes; asked after {@link #start}. */
    default List<ActionProvider> actionProviders() {
        return List.of();
    }

    /** The facts this plugin contributes; asked after {@link #start}. */
    default List<FactProvider> factProviders() {
        return List.of();
    }

    /** Releases what {@link #start} acquired (threads, connections). */
    default void close() {
    }
}
