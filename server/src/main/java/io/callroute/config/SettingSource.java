package io.callroute.config;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where a setting's raw value comes from. Names are written in environment style ({@code CALLROUTE_PORT}); each is
 * looked up, in order, as the Java system property in lower-case dotted form ({@code callroute.port}), as the
 * environment variable, and finally as a servlet context init parameter under either name — so the same WAR is
 * configured the same way standalone and on an application server.
 */
public final class SettingSource {

    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private final UnaryOperator<String> contextParameters;

    public SettingSource(Map<String, String> systemProperties, Map<String, String> environment,
                         UnaryOperator<String> contextParameters) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.contextParameters = contextParameters == null ? name -> null : contextParameters;
    }

    /** The process's system properties and environment, plus the given context parameters (may be null). */
    public static SettingSource fromProcess(UnaryOperator<String> contextParameters) {
        Map<String, String> properties = new java.util.HashMap<>();
        System.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
        return new SettingSource(properties, System.getenv(), contextParameters);
    }

    /** {@code CALLROUTE_DATA_DIR} → {@code callroute.data.dir}. */
    public static String propertyName(String environmentName) {
        return environmentName.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The raw value, or null when no source sets it. Blank values count as unset. */
    public String get(String environmentName) {
        String property = propertyName(environmentName);
        String value = systemProperties.get(property);
        if (isBlank(value)) {
            value = environment.get(environmentName);
        }
        if (isBlank(value)) {
            value = contextParameters.apply(property);
        }
        if (isBlank(value)) {
            value = contextParameters.apply(environmentName);
        }
        return isBlank(value) ? null : value.trim();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
