package io.callroute.actions;

import io.callroute.plugin.CallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A text parameter value with its {@code ${field}} references, parsed once when the rules load so answering a call
 * only concatenates. {@code $${} writes a literal {@code ${}; any other {@code $} is literal text.
 *
 * <p>A reference to a field the call does not have resolves to the empty string; the action's own validation then
 * decides whether that is acceptable (an empty phone number is not, so the caller hears the fallback).
 */
final class ValueTemplate {

    private static final String OPEN = "${";
    private static final String ESCAPED_OPEN = "$${";

    /** Literal strings and {@link CallField}s, in order. */
    private final Object[] parts;
    private final String raw;

    private ValueTemplate(String raw, Object[] parts) {
        this.raw = raw;
        this.parts = parts;
    }

    /**
     * Parses {@code raw}.
     *
     * @throws InvalidReferenceException for an unknown, empty or unclosed reference
     */
    static ValueTemplate parse(String raw) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            if (raw.startsWith(ESCAPED_OPEN, i)) {
                literal.append(OPEN);
                i += ESCAPED_OPEN.length();
            } else if (raw.startsWith(OPEN, i)) {
                int close = raw.indexOf('}', i + OPEN.length());
                if (close < 0) {
                    throw new InvalidReferenceException("has a reference that is not closed: "
                            + raw.substring(i) + " needs a } at its end (write $${ for a literal ${)");
                }
                CallField field = field(raw.substring(i + OPEN.length(), close).strip());
                if (literal.length() > 0) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(field);
                i = close + 1;
            } else {
                literal.append(raw.charAt(i));
                i++;
            }
        }
        if (literal.length() > 0 || parts.isEmpty()) {
            parts.add(literal.toString());
        }
        return new ValueTemplate(raw, parts.toArray());
    }

    /** Whether {@code raw} contains {@code ${} at all, escaped or not (cheap pre-check before parsing). */
    static boolean mightContainReferences(String raw) {
        return raw.contains(OPEN);
    }

    private static CallField field(String name) {
        if (name.isEmpty()) {
            throw new InvalidReferenceException("has an empty reference ${}; write a call field such as ${source}");
        }
        return CallField.byReferenceName(name).orElseThrow(() -> new InvalidReferenceException(
                "has an unknown reference ${" + name + "}; " + suggestion(name)));
    }

    private static String suggestion(String name) {
        List<String> similar = SimilarNames.closest(name, CallField.referenceNames());
        if (!similar.isEmpty()) {
            return "did you mean " + similar.stream().map(s -> "${" + s + "}").collect(Collectors.joining(" or "))
                    + "?";
        }
        return "the call fields are " + CallField.referenceNames().stream().map(s -> "${" + s + "}")
                .collect(Collectors.joining(", ")) + ".";
    }

    /** Whether the value depends on the call. */
    boolean hasReferences() {
        for (Object part : parts) {
            if (part instanceof CallField) {
                return true;
            }
        }
        return false;
    }

    /** The text for this call: literals as written, references replaced by the call's fields. */
    String resolve(CallContext call) {
        if (parts.length == 1) {
            return parts[0] instanceof CallField field ? field.valueIn(call) : (String) parts[0];
        }
        StringBuilder text = new StringBuilder(raw.length() + 16);
        for (Object part : parts) {
            text.append(part instanceof CallField field ? field.valueIn(call) : (String) part);
        }
        return text.toString();
    }

    /** The text of a value without references (escapes already undone). */
    String literalText() {
        if (hasReferences()) {
            throw new IllegalStateException("the value depends on the call: " + raw);
        }
        return (String) parts[0];
    }

    /** The value as the rule author wrote it. */
    String raw() {
        return raw;
    }
}
