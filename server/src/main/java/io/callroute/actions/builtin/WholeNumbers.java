package io.callroute.actions.builtin;

import io.callroute.plugin.InvalidParameterException;
import io.callroute.plugin.Parameters;
import java.util.Optional;

/**
 * Reads integer parameters into the {@code int}s the action records take. {@link Parameters#integer} answers a
 * {@code long}; a plain cast would silently wrap a value such as 4294967297 into 1.
 */
final class WholeNumbers {

    private WholeNumbers() {
    }

    static Optional<Integer> optional(Parameters parameters, String name) {
        return parameters.integer(name).map(value -> {
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new InvalidParameterException(name, "is far too large (" + value + ")");
            }
            return value.intValue();
        });
    }

    static int orElse(Parameters parameters, String name, int fallback) {
        return optional(parameters, name).orElse(fallback);
    }
}
