package io.callroute.plugin.testkit;

import io.callroute.plugin.InvalidParameterException;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.Parameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link Parameters} from a map of texts, converting as the server does ("3" is an integer, "true" a flag). */
public final class MapParameters implements Parameters {

    private final Map<String, String> values;

    public MapParameters(Map<String, String> values) {
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null) {
                copy.put(name, value);
            }
        });
        this.values = Map.copyOf(copy);
    }

    public static MapParameters of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new MapParameters(map);
    }

    /**
     * {@code given} with the defaults of {@code specs} applied and the specs' checks made, as the server does before
     * it starts a plugin or builds a step: required values present, numbers within their range, choices known.
     *
     * @throws InvalidParameterException naming the first parameter that fails
     */
    public static MapParameters withDefaults(List<ParameterSpec> specs, Map<String, String> given) {
        Map<String, String> map = new LinkedHashMap<>(given);
        for (ParameterSpec spec : specs) {
            String value = map.get(spec.name());
            if ((value == null || value.isBlank()) && spec.defaultValue() != null) {
                map.put(spec.name(), spec.defaultValue());
                value = spec.defaultValue();
            }
            if (value == null || value.isBlank()) {
                if (spec.required()) {
                    throw new InvalidParameterException(spec.name(), "is required");
                }
                continue;
            }
            switch (spec.type()) {
                case INTEGER, NUMBER -> {
                    double number = spec.type() == io.callroute.plugin.ParameterType.INTEGER
                            ? new MapParameters(map).integer(spec.name()).orElseThrow()
                            : new MapParameters(map).number(spec.name()).orElseThrow();
                    if (spec.min() != null && number < spec.min() || spec.max() != null && number > spec.max()) {
                        throw new InvalidParameterException(spec.name(),
                                "must be between " + spec.min() + " and " + spec.max() + ", not " + value);
                    }
                }
                case BOOLEAN -> new MapParameters(map).flag(spec.name());
                case CHOICE -> {
                    if (!spec.choices().contains(value)) {
                        throw new InvalidParameterException(spec.name(),
                                "must be one of " + spec.choices() + ", not " + value);
                    }
                }
                default -> {
                }
            }
        }
        return new MapParameters(map);
    }

    @Override
    public Set<String> names() {
        return values.keySet();
    }

    @Override
    public Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public Optional<Long> integer(String name) {
        return text(name).map(String::strip).map(value -> {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(name, "\"" + value + "\" is not a whole number");
            }
        });
    }

    @Override
    public Optional<Double> number(String name) {
        return text(name).map(String::strip).map(value -> {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(name, "\"" + value + "\" is not a number");
            }
        });
    }

    @Override
    public Optional<Boolean> flag(String name) {
        return text(name).map(value -> switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidParameterException(name, "\"" + value + "\" is neither true nor false");
        });
    }

    @Override
    public String toString() {
        return "MapParameters" + values.keySet();
    }
}
