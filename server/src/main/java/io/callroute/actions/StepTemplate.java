package io.callroute.actions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One callflow step as a rule author wrote it: the provider id and its raw parameter values (String, Number or
 * Boolean, in the order written). String values may contain references to call fields such as {@code ${source}},
 * resolved per call by {@link CallflowAssembler}.
 */
public record StepTemplate(String providerId, Map<String, Object> parameters) {

    public StepTemplate {
        Objects.requireNonNull(providerId, "providerId");
        parameters = parameters == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
