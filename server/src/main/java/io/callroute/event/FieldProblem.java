package io.callroute.event;

/**
 * A value in an otherwise well-formed event that cannot be trusted for routing, e.g. a timestamp that is not a time.
 *
 * @param field   JSON path in the webhook body, e.g. {@code payload.timestamp}
 * @param message a plain sentence, never echoing more than a short prefix of the value
 */
public record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
