package io.callroute.rules;

/**
 * How one condition of a rule fared against one call, in words a rule author recognises.
 *
 * @param condition what is tested: a call property ({@code virtualNumberRef}), {@code time}, {@code schedule sg-office},
 *                  {@code masking} or a plugin fact ({@code lookup.tier})
 * @param expected  what the rule asks, e.g. {@code is vn-sg-ivr-01}, {@code Mon–Fri 09:00–18:00 in Asia/Singapore}
 * @param actual    what the call had, e.g. {@code vn-sg-ivr-01}, {@code Tue 2026-03-10 10:15 in Asia/Singapore}
 * @param outcome   whether it held
 */
public record ConditionCheck(String condition, String expected, String actual, Outcome outcome) {

    /** The result of a condition, or of a whole rule. */
    public enum Outcome {
        MATCHED,
        FAILED,
        /** Cannot be told from the data, e.g. the digits a condition needs were masked in the call log. */
        UNKNOWN;

        /** All must hold: any failure fails, else any unknown is unknown. */
        static Outcome all(Iterable<ConditionCheck> checks) {
            Outcome result = MATCHED;
            for (ConditionCheck check : checks) {
                if (check.outcome() == FAILED) {
                    return FAILED;
                }
                if (check.outcome() == UNKNOWN) {
                    result = UNKNOWN;
                }
            }
            return result;
        }
    }
}
