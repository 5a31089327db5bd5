package io.callroute.actions.builtin;

import io.callroute.plugin.ActionLimits;
import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.Parameters;
import io.callroute.plugin.Say;
import java.util.List;

/** The built-in {@code say} step: text-to-speech into the call (8x8 {@code say}, spec §5.2). */
public final class SayProvider implements ActionProvider {

    private static final List<ParameterSpec> PARAMETERS = List.of(
            SpeechParameters.message("text", "Text", "What the caller hears, up to "
                    + ActionLimits.MAX_TEXT_LENGTH + " characters.").asRequired(),
            SpeechParameters.voiceProfile(),
            SpeechParameters.repetition("How many times the text is spoken, 1 to 3.").withDefault("1"),
            SpeechParameters.speed());

    @Override
    public String id() {
        return "say";
    }

    @Override
    public String displayName() {
        return "Say";
    }

    @Override
    public String description() {
        return "Speaks a text to the caller with a computer voice. Add a hangup after it to end the call.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<CallAction> build(Parameters parameters, CallContext call) {
        return List.of(new Say(
                parameters.text("text").orElse(null),
                parameters.text(SpeechParameters.VOICE_PROFILE).orElse(null),
                WholeNumbers.orElse(parameters, SpeechParameters.REPETITION, 1),
                parameters.number(SpeechParameters.SPEED).orElse(1.0)));
    }
}
