package io.callroute.actions;

/**
 * A text value whose {@code ${…}} references cannot be parsed. The message completes a sentence that starts with the
 * parameter name, e.g. "has an unknown reference ${sorce}; did you mean ${source}?".
 */
final class InvalidReferenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidReferenceException(String problem) {
        super(problem);
    }
}
