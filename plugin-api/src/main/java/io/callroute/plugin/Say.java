package io.callroute.plugin;

/**
 * Speaks text to the caller (8x8 {@code say}).
 *
 * @param text         up to 3000 characters
 * @param voiceProfile an 8x8 speech profile code, e.g. {@code en-US-BenjaminRUS}
 * @param repetition   how many times to speak it, 1–3
 * @param speed        0.5–2.0, 1 is normal
 */
public record Say(String text, String voiceProfile, int repetition, double speed) implements CallAction {

    public Say {
        ActionLimits.text("text", text, true);
        ActionLimits.voiceProfile(voiceProfile);
        ActionLimits.range("repetition", repetition, ActionLimits.MIN_REPETITION, ActionLimits.MAX_REPETITION);
        ActionLimits.speed(speed);
    }

    /** Spoken once at normal speed. */
    public Say(String text, String voiceProfile) {
        this(text, voiceProfile, 1, 1.0);
    }

    @Override
    public String actionName() {
        return "say";
    }
}
