package io.callroute.actions;

import io.callroute.plugin.ActionLimits;
import io.callroute.plugin.InvalidParameterException;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.ParameterType;
import io.callroute.plugin.PlayFile;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one value a rule author wrote against its {@link ParameterSpec} (type, bounds, choices), when the rules
 * load. The checks only catch what the spec states; the action records catch the rest when the step is
 * trial-built.
 */
public final class ParameterCheck {

    private ParameterCheck() {
    }

    /**
     * What is wrong with {@code value}, as the end of a sentence that starts with the parameter name (e.g. "must be
     * between 1 and 3, not 4"); empty when the value fits. SECRET values are never quoted back.
     */
    public static Optional<String> problem(ParameterSpec spec, Object value) {
        try {
            check(spec, value);
            return Optional.empty();
        } catch (InvalidParameterException e) {
            return Optional.of(spec.type() == ParameterType.SECRET ? "is not valid" : e.problem());
        }
    }

    private static void check(ParameterSpec spec, Object value) {
        String name = spec.name();
        ParameterValues single = ParameterValues.of(Map.of(name, value));
        switch (spec.type()) {
            case INTEGER -> bounds(spec, single.integer(name).orElseThrow());
            case NUMBER -> bounds(spec, single.number(name).orElseThrow());
            case BOOLEAN -> single.flag(name);
            case CHOICE -> choice(spec, single.text(name).orElseThrow());
            case PHONE_NUMBER -> phoneNumber(name, single.text(name).orElseThrow());
            case AUDIO_URL -> audioUrl(single.text(name).orElseThrow());
            case TEXT, SECRET -> length(spec, single.text(name).orElseThrow());
        }
    }

    private static void bounds(ParameterSpec spec, double value) {
        boolean tooLow = spec.min() != null && value < spec.min();
        boolean tooHigh = spec.max() != null && value > spec.max();
        if (!tooLow && !tooHigh) {
            return;
        }
        String problem;
        if (spec.min() != null && spec.max() != null) {
            problem = "must be between " + plain(spec.min()) + " and " + plain(spec.max());
        } else if (tooLow) {
            problem = "must be at least " + plain(spec.min());
        } else {
            problem = "must be at most " + plain(spec.max());
        }
        throw new InvalidParameterException(spec.name(), problem + ", not " + plain(value));
    }

    private static void choice(ParameterSpec spec, String value) {
        if (!spec.choices().contains(value)) {
            throw new InvalidParameterException(spec.name(), "must be one of " + String.join(", ", spec.choices())
                    + ", not " + ParameterValues.describe(value));
        }
    }

    /** As {@code MakeCall} does: the leading + may be left out. */
    private static void phoneNumber(String name, String value) {
        if (!ActionLimits.isE164(value.startsWith("+") ? value : "+" + value)) {
            throw new InvalidParameterException(name, ParameterValues.describe(value)
                    + " is not an E.164 phone number (a + and 7 to 15 digits, e.g. +6531580001)");
        }
    }

    /** The plugin API keeps its URL rules inside {@link PlayFile}; constructing one applies exactly those rules. */
    private static void audioUrl(String value) {
        new PlayFile(value, ActionLimits.MIN_REPETITION);
    }

    private static void length(ParameterSpec spec, String value) {
        int length = value.length();
        if (spec.max() != null && length > spec.max()) {
            throw new InvalidParameterException(spec.name(),
                    "is " + length + " characters long; at most " + plain(spec.max()) + " are allowed");
        }
        if (spec.min() != null && length < spec.min()) {
            throw new InvalidParameterException(spec.name(),
                    "is " + length + " characters long; at least " + plain(spec.min()) + " are needed");
        }
    }

    /** 3.0 as "3", 0.5 as "0.5". */
    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
