package io.callroute.actions.builtin;

import io.callroute.plugin.ActionLimits;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.ParameterType;

/** The parameters {@code say} and {@code sayAndCapture} share, described once so both forms read the same. */
final class SpeechParameters {

    static final String VOICE_PROFILE = "voiceProfile";
    static final String SPEED = "speed";
    static final String REPETITION = "repetition";

    private SpeechParameters() {
    }

    /**
     * Required with no default of its own: which voices exist depends on the 8x8 account, so the rule set supplies
     * the profile (typically once, as a set-level default).
     */
    static ParameterSpec voiceProfile() {
        return ParameterSpec.of(VOICE_PROFILE, ParameterType.TEXT).asRequired()
                .withLabel("Voice")
                .withHelp("The 8x8 speech profile code, e.g. en-US-BenjaminRUS or en-GB-Emma;"
                        + " it sets language and voice.")
                .withRange(2.0, 64.0);
    }

    static ParameterSpec speed() {
        return ParameterSpec.of(SPEED, ParameterType.NUMBER)
                .withLabel("Speed")
                .withHelp("How fast the voice speaks: 1.0 is normal, 0.5 half as fast, 2.0 twice as fast.")
                .withDefault("1.0")
                .withRange(ActionLimits.MIN_SPEED, ActionLimits.MAX_SPEED);
    }

    static ParameterSpec repetition(String help) {
        return ParameterSpec.of(REPETITION, ParameterType.INTEGER)
                .withLabel("Repeat")
                .withHelp(help)
                .withRange((double) ActionLimits.MIN_REPETITION, (double) ActionLimits.MAX_REPETITION);
    }

    /** A text spoken to the caller, at most 3000 characters. */
    static ParameterSpec message(String name, String label, String help) {
        return ParameterSpec.of(name, ParameterType.TEXT)
                .withLabel(label)
                .withHelp(help)
                .withRange(null, (double) ActionLimits.MAX_TEXT_LENGTH);
    }
}
