package io.callroute.plugins;

import io.callroute.plugin.Parameters;
import io.callroute.plugin.PluginContext;
import io.callroute.plugin.SharedState;
import java.time.Clock;

/** What a plugin gets when it starts: its settings (defaults applied), its shared state, the clock, its logger. */
record HostPluginContext(Parameters settings, SharedState sharedState, Clock clock, System.Logger logger)
        implements PluginContext {
}
