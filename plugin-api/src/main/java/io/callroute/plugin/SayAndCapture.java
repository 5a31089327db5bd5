package io.callroute.plugin;

/**
 * Speaks a prompt and collects the keys the caller presses (8x8 {@code sayAndCapture}). The result arrives in the
 * next webhook of the call, so a callflow must not end the call straight after this action.
 *
 * <p>Create instances with {@link #builder(String, String)}: the canonical constructor may gain components in a
 * later minor version of the API, the builder will not break.
 *
 * <p>The record always carries explicit digit bounds and {@code completeOnHash}, because 8x8's documented defaults
 * disagree with each other (spec §11 item 6). Timeouts are both absent or both present with
 * {@code overallTimeout > digitTimeout}, which satisfies both readings of 8x8's rule.
 *
 * @param promptMessage  what to say before capturing, up to 3000 characters
 * @param voiceProfile   an 8x8 speech profile code
 * @param speed          0.5–2.0
 * @param repetition     how many times the prompt is spoken, 1–3; {@code null} to leave 8x8's default
 * @param completeOnHash whether {@code #} ends the input
 * @param minDigits      fewest keys accepted, 1–25
 * @param maxDigits      most keys accepted, {@code minDigits}–25
 * @param digitTimeout   milliseconds allowed between key presses; {@code null} for 8x8's default
 * @param overallTimeout milliseconds allowed for the whole input; required with, and greater than, digitTimeout
 * @param noOfTries      how many times the prompt is repeated after invalid or missing input, 1–3
 * @param successMessage spoken after valid input; {@code null} for none
 * @param failureMessage spoken after invalid or missing input; {@code null} for none
 */
public record SayAndCapture(String promptMessage, String voiceProfile, double speed, Integer repetition,
                            boolean completeOnHash, int minDigits, int maxDigits, Integer digitTimeout,
                            Integer overallTimeout, int noOfTries, String successMessage, String failureMessage)
        implements CallAction {

    public SayAndCapture {
        ActionLimits.text("promptMessage", promptMessage, true);
        ActionLimits.voiceProfile(voiceProfile);
        ActionLimits.speed(speed);
        if (repetition != null) {
            ActionLimits.range("repetition", repetition, ActionLimits.MIN_REPETITION, ActionLimits.MAX_REPETITION);
        }
        ActionLimits.range("minDigits", minDigits, ActionLimits.MIN_DIGITS, ActionLimits.MAX_DIGITS);
        ActionLimits.range("maxDigits", maxDigits, ActionLimits.MIN_DIGITS, ActionLimits.MAX_DIGITS);
        if (minDigits > maxDigits) {
            throw new InvalidParameterException("maxDigits",
                    "must not be less than minDigits (" + maxDigits + " < " + minDigits + ")");
        }
        if (digitTimeout != null) {
            ActionLimits.range("digitTimeout", digitTimeout, 1, ActionLimits.MAX_TIMEOUT_MILLIS);
            if (overallTimeout == null) {
                throw new InvalidParameterException("overallTimeout", "is required when digitTimeout is set");
            }
        }
        if (overallTimeout != null) {
            ActionLimits.range("overallTimeout", overallTimeout, 1, ActionLimits.MAX_TIMEOUT_MILLIS);
            if (digitTimeout != null && overallTimeout <= digitTimeout) {
                throw new InvalidParameterException("overallTimeout",
                        "must be greater than digitTimeout (" + overallTimeout + " <= " + digitTimeout + ")");
            }
        }
        ActionLimits.range("noOfTries", noOfTries, ActionLimits.MIN_TRIES, ActionLimits.MAX_TRIES);
        ActionLimits.text("successMessage", successMessage, false);
        ActionLimits.text("failureMessage", failureMessage, false);
    }

    /** A builder for a one-key menu prompt: one digit, no {@code #}, one try, normal speed. */
    public static Builder builder(String promptMessage, String voiceProfile) {
        return new Builder(promptMessage, voiceProfile);
    }

    @Override
    public String actionName() {
        return "sayAndCapture";
    }

    /** Builds a {@link SayAndCapture}; {@link #build()} validates. */
    public static final class Builder {
        private final String promptMessage;
        private final String voiceProfile;
        private double speed = 1.0;
        private Integer repetition;
        private boolean completeOnHash;
        private int minDigits = 1;
        private int maxDigits = 1;
        private Integer digitTimeout;
        private Integer overallTimeout;
        private int noOfTries = 1;
        private String successMessage;
        private String failureMessage;

        private Builder(String promptMessage, String voiceProfile) {
            this.promptMessage = promptMessage;
            this.voiceProfile = voiceProfile;
        }

        public Builder speed(double value) {
            this.speed = value;
            return this;
        }

        public Builder repetition(Integer value) {
            this.repetition = value;
            return this;
        }

        public Builder completeOnHash(boolean value) {
            this.completeOnHash = value;
            return this;
        }

        public Builder digits(int min, int max) {
            this.minDigits = min;
            this.maxDigits = max;
            return this;
        }

        public Builder timeouts(Integer digitTimeoutMillis, Integer overallTimeoutMillis) {
            this.digitTimeout = digitTimeoutMillis;
            this.overallTimeout = overallTimeoutMillis;
            return this;
        }

        public Builder noOfTries(int value) {
            this.noOfTries = value;
            return this;
        }

        public Builder successMessage(String value) {
            this.successMessage = value;
            return this;
        }

        public Builder failureMessage(String value) {
            this.failureMessage = value;
            return this;
        }

        public SayAndCapture build() {
            return new SayAndCapture(promptMessage, voiceProfile, speed, repetition, completeOnHash, minDigits,
                    maxDigits, digitTimeout, overallTimeout, noOfTries, successMessage, failureMessage);
        }
    }
}
