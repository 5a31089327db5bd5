package io.callroute.plugins;

import io.callroute.actions.builtin.HangupProvider;
import io.callroute.actions.builtin.MakeCallProvider;
import io.callroute.actions.builtin.PlayFileProvider;
import io.callroute.actions.builtin.SayAndCaptureProvider;
import io.callroute.actions.builtin.SayProvider;
import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallroutePlugin;
import io.callroute.plugin.PluginApi;
import java.util.List;

/**
 * The server's own actions, offered as the plugin {@value #NAME} so that they reach rules through the very same
 * registry, metadata and metrics as drop-in plugins do. It is always enabled and cannot be disabled: rules without
 * it could not even hang up.
 */
public final class BuiltinActions implements CallroutePlugin {

    public static final String NAME = "builtin";

    private final List<ActionProvider> providers = List.of(new SayProvider(), new SayAndCaptureProvider(),
            new PlayFileProvider(), new MakeCallProvider(), new HangupProvider());

    @Override
    public String name() {
        return NAME;
    }

    /** The server's version when it runs from its packaged jar or WAR, otherwise {@code built-in}. */
    @Override
    public String version() {
        String version = BuiltinActions.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "built-in" : version;
    }

    @Override
    public String description() {
        return "The actions every Callroute server has: say, sayAndCapture, playFile, makeCall and hangup.";
    }

    @Override
    public String targetApiVersion() {
        return PluginApi.VERSION;
    }

    @Override
    public List<ActionProvider> actionProviders() {
        return providers;
    }
}
