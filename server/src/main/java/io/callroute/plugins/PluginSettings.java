package io.callroute.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.actions.ParameterCheck;
import io.callroute.http.ApiErrorException;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.ParameterType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin's settings checked against the {@link ParameterSpec}s it declares, the way Keycloak lets providers
 * declare their configuration: the admin UI draws the form from the specs, and this class refuses values that do
 * not fit with a 400 naming the setting. {@link ParameterType#SECRET} values are stored but never shown back: views
 * and audit texts say only whether one is set.
 */
final class PluginSettings {

    private PluginSettings() {
    }

    /**
     * The stored settings with an admin's changes applied: a value sets, {@code null} clears, an absent name keeps
     * the stored value (so a form need not resend secrets).
     *
     * @param mustBeComplete whether required settings must have a value (the plugin is to be enabled)
     * @throws ApiErrorException 400 for an unknown setting, a value of the wrong kind or out of range, or a missing
     *                           required one
     */
    static Map<String, String> merge(List<ParameterSpec> specs, Map<String, String> stored, JsonNode changes,
                                     boolean mustBeComplete) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        specs.forEach(spec -> byName.put(spec.name(), spec));
        Map<String, String> merged = new LinkedHashMap<>();
        stored.forEach((name, value) -> {
            if (byName.containsKey(name)) {
                merged.put(name, value);   // settings the plugin no longer declares are dropped
            }
        });
        if (changes != null && !changes.isNull()) {
            if (!changes.isObject()) {
                throw new ApiErrorException(400, "invalid_field", "\"settings\" must be an object of setting names"
                        + " to values.", "settings");
            }
            for (Map.Entry<String, JsonNode> change : changes.properties()) {
                String name = change.getKey();
                ParameterSpec spec = byName.get(name);
                if (spec == null) {
                    throw new ApiErrorException(400, "unknown_setting", "The plugin has no setting \"" + name
                            + "\"; it has " + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())) + ".",
                            "settings." + name);
                }
                JsonNode value = change.getValue();
                if (value.isNull()) {
                    merged.remove(name);
                } else if (value.isValueNode()) {
                    merged.put(name, value.asText());
                } else {
                    throw new ApiErrorException(400, "invalid_setting", "\"" + name + "\" must be a text, number or"
                            + " true/false.", "settings." + name);
                }
            }
        }
        for (ParameterSpec spec : specs) {
            String value = merged.get(spec.name());
            if (value != null) {
                Optional<String> problem = ParameterCheck.problem(spec, value);
                if (problem.isPresent()) {
                    throw new ApiErrorException(400, "invalid_setting", "\"" + spec.name() + "\" " + problem.get()
                            + ".", "settings." + spec.name());
                }
            } else if (mustBeComplete && spec.required() && spec.defaultValue() == null) {
                throw new ApiErrorException(400, "missing_setting", "\"" + spec.name() + "\" is required before the"
                        + " plugin can be enabled.", "settings." + spec.name());
            }
        }
        return merged;
    }

    /** The settings a plugin starts with: the stored values, and the defaults of the rest. */
    static Map<String, String> effective(List<ParameterSpec> specs, Map<String, String> stored) {
        Map<String, String> effective = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            String value = stored.getOrDefault(spec.name(), spec.defaultValue());
            if (value != null) {
                effective.put(spec.name(), value);
            }
        }
        return effective;
    }

    /** The first required setting without a value, if any: such a plugin cannot start. */
    static Optional<String> missing(List<ParameterSpec> specs, Map<String, String> stored) {
        return specs.stream().filter(spec -> spec.required() && spec.defaultValue() == null
                && !stored.containsKey(spec.name())).map(ParameterSpec::name).findFirst();
    }

    /** Values safe to show or audit: secrets replaced by whether they are set. */
    static Map<String, Object> masked(List<ParameterSpec> specs, Map<String, String> stored) {
        Map<String, Object> shown = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            String value = stored.get(spec.name());
            if (spec.type() == ParameterType.SECRET) {
                shown.put(spec.name(), Map.of("set", value != null));
            } else if (value != null) {
                shown.put(spec.name(), value);
            }
        }
        return shown;
    }
}
