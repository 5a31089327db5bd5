package io.callroute.actions.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.actions.StepProblem;
import io.callroute.plugin.PlayFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlayFileProviderTest {

    private final StepChecks play = new StepChecks("playFile",
            Map.of("fileUrl", "https://cdn.example.com/ivr/promo-v3.mp3"));

    @Test
    void fileUrlMustBeAPublicMp3OrWav() {
        assertThat(play.problemsWith("fileUrl", "http://cdn.example.com/a.WAV")).isEmpty();
        assertThat(play.problemsWith("fileUrl", "ftp://cdn.example.com/a.mp3")).containsExactly(
                new StepProblem(0, "fileUrl", "fileUrl must be a public http or https URL."));
        assertThat(play.problemsWith("fileUrl", "https://cdn.example.com/a.ogg")).containsExactly(
                new StepProblem(0, "fileUrl", "fileUrl must point to an .mp3 or .wav file."));
        assertThat(new StepChecks("playFile", Map.of()).problems()).containsExactly(
                new StepProblem(0, "fileUrl", "fileUrl is required."));
    }

    @Test
    void repetitionIsOneToThreeDefaultOne() {
        assertThat(play.problemsWith("repetition", 0)).extracting(StepProblem::parameter).containsExactly("repetition");
        assertThat(play.problemsWith("repetition", 1)).isEmpty();
        assertThat(play.problemsWith("repetition", 3)).isEmpty();
        assertThat(play.problemsWith("repetition", 4)).extracting(StepProblem::parameter).containsExactly("repetition");
        assertThat(play.action()).isEqualTo(new PlayFile("https://cdn.example.com/ivr/promo-v3.mp3", 1));
        assertThat(((PlayFile) play.actionWith("repetition", "2")).repetition()).isEqualTo(2);
    }
}
