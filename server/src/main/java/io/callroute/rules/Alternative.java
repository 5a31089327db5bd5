package io.callroute.rules;

/**
 * One acceptable value of a call property in a condition; a condition matches when any of its alternatives does.
 *
 * @param kind  how to compare
 * @param value the literal (exact value, prefix or regular expression); null for {@link Kind#ABSENT} and
 *              {@link Kind#PRESENT}
 */
public record Alternative(Kind kind, String value) {

    public enum Kind {
        /** Equal to the value. */
        EXACT,
        /** Starts with the value (numbers written {@code +65*}). */
        PREFIX,
        /** Matches the whole regular expression. */
        PATTERN,
        /** The property has no value (no menu yet; no keys pressed). */
        ABSENT,
        /** The property has any value. */
        PRESENT
    }

    public static Alternative exact(String value) {
        return new Alternative(Kind.EXACT, value);
    }
}
