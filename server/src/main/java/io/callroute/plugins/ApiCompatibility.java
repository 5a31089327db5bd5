package io.callroute.plugins;

import io.callroute.plugin.PluginApi;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a plugin built against one API version can run on this server (as SLF4J does with its providers): the
 * major must be {@link PluginApi#MAJOR}, the minor at most {@link PluginApi#MINOR}, because a newer minor may call
 * methods this server does not have. A mismatch is reported, never thrown.
 */
final class ApiCompatibility {

    private static final Pattern VERSION = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})");

    private ApiCompatibility() {
    }

    /** Why a plugin targeting {@code target} cannot run here; empty when it can. */
    static Optional<String> problem(String target) {
        Matcher matcher = target == null ? null : VERSION.matcher(target.strip());
        if (matcher == null || !matcher.matches()) {
            return Optional.of("targets plugin API \"" + target + "\", which is not a MAJOR.MINOR version; this"
                    + " server offers " + PluginApi.version());
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        if (major != PluginApi.MAJOR) {
            return Optional.of("targets plugin API " + major + "." + minor + " but this server offers "
                    + PluginApi.version() + " (the major versions differ); use a build of the plugin for API "
                    + PluginApi.MAJOR + ".x");
        }
        if (minor > PluginApi.MINOR) {
            return Optional.of("targets plugin API " + major + "." + minor + ", newer than this server's "
                    + PluginApi.version() + "; upgrade the server or use an older build of the plugin");
        }
        return Optional.empty();
    }
}
