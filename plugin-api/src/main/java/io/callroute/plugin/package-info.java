/**
 * The Callroute plugin API: everything a plugin may see of the server, and nothing else.
 *
 * <p>A plugin is a {@link io.callroute.plugin.CallroutePlugin}, discovered with {@link java.util.ServiceLoader}
 * (list the class in {@code META-INF/services/io.callroute.plugin.CallroutePlugin}); it declares the API version it
 * was built against, its settings, and contributes {@link io.callroute.plugin.ActionProvider}s (new callflow steps)
 * and {@link io.callroute.plugin.FactProvider}s (facts rules can test). A rule step names an action provider by its
 * {@link io.callroute.plugin.ActionProvider#id() id}; at call time the server hands the provider the step's
 * resolved {@link io.callroute.plugin.Parameters} and a read-only {@link io.callroute.plugin.CallContext}, and
 * the provider answers with typed {@link io.callroute.plugin.CallAction}s. The action records validate the 8x8
 * limits in their constructors, so a provider cannot produce an action 8x8 would refuse.
 *
 * <p>Compatibility promise: within one {@link io.callroute.plugin.PluginApi#MAJOR major} version, types are only
 * ever extended with default methods or new types, so a plugin built against an older minor version keeps
 * working. The server's own built-in actions ({@code say}, {@code sayAndCapture}, {@code playFile},
 * {@code makeCall}, {@code hangup}) are written against this API exactly as a third-party plugin would be.
 *
 * <p>This module depends on the JDK only, and always will.
 */
package io.callroute.plugin;
