package io.callroute.plugin;

import java.time.Clock;

/** What the server gives a plugin when it starts. */
public interface PluginContext {

    /** The plugin's settings as the admin configured them, defaults applied. */
    Parameters settings();

    /** State shared by every server node (kept in the server's database), e.g. whose turn it is in an agent pool. */
    SharedState sharedState();

    /** The server's clock; use it instead of the system clock so tests and replays agree. */
    default Clock clock() {
        return Clock.systemUTC();
    }

    /** A logger named after the plugin, writing to the server's log. Never log secrets or full phone numbers. */
    default System.Logger logger() {
        return System.getLogger("callroute.plugin");
    }
}
