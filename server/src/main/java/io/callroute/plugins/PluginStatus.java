package io.callroute.plugins;

import java.util.Locale;

/** Where a plugin stands, as admins see it in {@code GET /api/plugins}. */
public enum PluginStatus {
    /** Started; its providers are in the registry. */
    ENABLED,
    /** Found and compatible, but not started: new plugins wait here until an admin enables them. */
    DISABLED,
    /** Built for a plugin API this server does not offer; not started. */
    INCOMPATIBLE,
    /** Could not be loaded or started; the reason says why. */
    FAILED;

    /** The lower-case name used in the API. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
