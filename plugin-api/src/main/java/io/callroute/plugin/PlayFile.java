package io.callroute.plugin;

/**
 * Plays a recorded file to the caller (8x8 {@code playFile}). 8x8 caches a file for an hour, so publish changed audio
 * under a new file name.
 *
 * @param fileUrl    public http(s) URL of an .mp3 or .wav file under 5 MB
 * @param repetition how many times to play it, 1–3
 */
public record PlayFile(String fileUrl, int repetition) implements CallAction {

    public PlayFile {
        ActionLimits.audioUrl(fileUrl);
        ActionLimits.range("repetition", repetition, ActionLimits.MIN_REPETITION, ActionLimits.MAX_REPETITION);
    }

    public PlayFile(String fileUrl) {
        this(fileUrl, 1);
    }

    @Override
    public String actionName() {
        return "playFile";
    }
}
