package io.callroute.actions.builtin;

import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.ParameterType;
import io.callroute.plugin.Parameters;
import io.callroute.plugin.PlayFile;
import java.util.List;

/** The built-in {@code playFile} step: plays a recording into the call (8x8 {@code playFile}, spec §5.4). */
public final class PlayFileProvider implements ActionProvider {

    private static final String FILE_URL = "fileUrl";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.of(FILE_URL, ParameterType.AUDIO_URL).asRequired()
                    .withLabel("Audio file")
                    .withHelp("A public http(s) address of an .mp3 or .wav file under 5 MB. 8x8 keeps a copy for"
                            + " an hour, so give changed audio a new file name."),
            SpeechParameters.repetition("How many times the file is played, 1 to 3.").withDefault("1"));

    @Override
    public String id() {
        return "playFile";
    }

    @Override
    public String displayName() {
        return "Play a recording";
    }

    @Override
    public String description() {
        return "Plays a recorded audio file (.mp3 or .wav) to the caller, e.g. a jingle or a professionally"
                + " recorded greeting.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<CallAction> build(Parameters parameters, CallContext call) {
        return List.of(new PlayFile(parameters.text(FILE_URL).orElse(null),
                WholeNumbers.orElse(parameters, SpeechParameters.REPETITION, 1)));
    }
}
