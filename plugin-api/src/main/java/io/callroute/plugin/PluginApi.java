package io.callroute.plugin;

/**
 * The version of this API. A plugin built against major {@code N} works on any server whose API has major
 * {@code N} and an equal or newer minor; the server reports other combinations instead of failing.
 */
public final class PluginApi {

    /** Incremented only for changes that break compiled plugins. */
    public static final int MAJOR = 1;

    /** Incremented when types or default methods are added. */
    public static final int MINOR = 2;

    /**
     * {@code "MAJOR.MINOR"} as a compile-time constant: a plugin that returns it from
     * {@link CallroutePlugin#targetApiVersion()} has the version it was compiled against inlined into its own
     * classes, which is how the server learns it.
     */
    public static final String VERSION = "1.2";

    private PluginApi() {
    }

    /** {@code "MAJOR.MINOR"}, e.g. {@code "1.2"}. */
    public static String version() {
        return MAJOR + "." + MINOR;
    }
}
