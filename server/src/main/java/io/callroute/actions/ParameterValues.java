package io.callroute.actions;

import io.callroute.plugin.InvalidParameterException;
import io.callroute.plugin.Parameters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@link Parameters} a provider receives: a step's values after defaults were applied and references resolved.
 * Values are kept as the rule format gave them (String, Number or Boolean); the typed getters convert only where the
 * meaning is unambiguous ({@code "3"} is the integer 3, {@code "true"} the flag true, {@code 2.0} the integer 2) and
 * otherwise throw {@link InvalidParameterException} naming the parameter, so a rule author sees which value is wrong.
 */
public final class ParameterValues implements Parameters {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private final Map<String, Object> values;

    private ParameterValues(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Values by parameter name; {@code null} values are left out (the parameter counts as not given).
     *
     * @throws IllegalArgumentException for a value that is not a String, Number or Boolean
     */
    public static ParameterValues of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null) {
                if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                    throw new IllegalArgumentException("parameter " + name + " has a "
                            + value.getClass().getSimpleName() + "; only text, numbers and true/false are values");
                }
                copy.put(name, value);
            }
        });
        return new ParameterValues(Collections.unmodifiableMap(copy));
    }

    /** Wraps values already known to be Strings, Numbers or Booleans, without copying: the call path's shortcut. */
    static ParameterValues wrap(Map<String, Object> checkedValues) {
        return new ParameterValues(Collections.unmodifiableMap(checkedValues));
    }

    @Override
    public Set<String> names() {
        return values.keySet();
    }

    @Override
    public Optional<String> text(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof String) {
            return Optional.ofNullable((String) value);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Optional.of(Double.isFinite(number) ? BigDecimal.valueOf(number).toPlainString() : value.toString());
        }
        if (value instanceof BigDecimal) {
            return Optional.of(new BigDecimal(value.toString()).toPlainString());
        }
        return Optional.of(value.toString());
    }

    @Override
    public Optional<Long> integer(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Optional.of(((Number) value).longValue());
        }
        BigDecimal decimal = decimal(name, value, "a whole number");
        try {
            return Optional.of(decimal.longValueExact());
        } catch (ArithmeticException e) {
            throw new InvalidParameterException(name, "must be a whole number, not " + describe(value));
        }
    }

    @Override
    public Optional<Double> number(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number && !(value instanceof BigDecimal || value instanceof BigInteger)) {
            double result = number.doubleValue();
            if (!Double.isFinite(result)) {
                throw new InvalidParameterException(name, "must be a number, not " + describe(value));
            }
            return Optional.of(result);
        }
        return Optional.of(decimal(name, value, "a number").doubleValue());
    }

    @Override
    public Optional<Boolean> flag(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof Boolean) {
            return Optional.ofNullable((Boolean) value);
        }
        if (value instanceof String text) {
            switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "true":
                    return Optional.of(true);
                case "false":
                    return Optional.of(false);
                default:
                    break;
            }
        }
        throw new InvalidParameterException(name, "must be true or false, not " + describe(value));
    }

    private static BigDecimal decimal(String name, Object value, String expected) {
        String text = value.toString().strip();
        if (value instanceof Boolean || !DECIMAL.matcher(text).matches()) {
            throw new InvalidParameterException(name, "must be " + expected + ", not " + describe(value));
        }
        return new BigDecimal(text);
    }

    /** A value as it appears in a problem sentence: text quoted, numbers plain. */
    static String describe(Object value) {
        if (value instanceof String text) {
            return text.isEmpty() ? "empty text" : "\"" + text + "\"";
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return values.keySet().toString();
    }
}
