package io.callroute.plugin;

import java.util.Objects;

/**
 * One fact a {@link FactProvider} may give.
 *
 * @param name        without the provider's namespace, e.g. {@code tier}
 * @param type        {@link ParameterType#TEXT}, {@link ParameterType#BOOLEAN}, {@link ParameterType#INTEGER},
 *                    {@link ParameterType#NUMBER} or {@link ParameterType#PHONE_NUMBER}
 * @param description one sentence for rule authors
 */
public record FactSpec(String name, ParameterType type, String description) {

    public FactSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
    }
}
