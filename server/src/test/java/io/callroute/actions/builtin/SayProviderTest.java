package io.callroute.actions.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.actions.ParameterValues;
import io.callroute.actions.StepProblem;
import io.callroute.actions.TestCall;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.Say;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SayProviderTest {

    private static final String VOICE = "en-US-BenjaminRUS";
    private final StepChecks say = new StepChecks("say", Map.of("text", "Hello.", "voiceProfile", VOICE));

    @Test
    void repetitionIsOneToThree() {
        assertThat(say.problemsWith("repetition", 0)).containsExactly(
                new StepProblem(0, "repetition", "repetition must be between 1 and 3, not 0."));
        assertThat(say.problemsWith("repetition", 1)).isEmpty();
        assertThat(say.problemsWith("repetition", 3)).isEmpty();
        assertThat(say.problemsWith("repetition", 4)).containsExactly(
                new StepProblem(0, "repetition", "repetition must be between 1 and 3, not 4."));
        assertThat(((Say) say.actionWith("repetition", 3)).repetition()).isEqualTo(3);
    }

    @Test
    void speedIsHalfToDouble() {
        assertThat(say.problemsWith("speed", 0.4)).containsExactly(
                new StepProblem(0, "speed", "speed must be between 0.5 and 2, not 0.4."));
        assertThat(say.problemsWith("speed", 0.5)).isEmpty();
        assertThat(say.problemsWith("speed", 2.0)).isEmpty();
        assertThat(say.problemsWith("speed", 2.1)).containsExactly(
                new StepProblem(0, "speed", "speed must be between 0.5 and 2, not 2.1."));
        assertThat(((Say) say.actionWith("speed", "0.5")).speed()).isEqualTo(0.5);
    }

    @Test
    void textIsRequiredAndAtMost3000Characters() {
        assertThat(say.problemsWith("text", "x".repeat(3000))).isEmpty();
        assertThat(say.problemsWith("text", "x".repeat(3001))).extracting(StepProblem::parameter)
                .containsExactly("text");
        assertThat(new StepChecks("say", Map.of("voiceProfile", VOICE)).problems()).containsExactly(
                new StepProblem(0, "text", "text is required."));
    }

    @Test
    void voiceProfileIsRequiredAndMustLookLikeAProfileCode() {
        assertThat(new StepChecks("say", Map.of("text", "Hi")).problems()).containsExactly(
                new StepProblem(0, "voiceProfile", "voiceProfile is required."));
        assertThat(say.problemsWith("voiceProfile", "en US Benjamin")).singleElement()
                .satisfies(p -> assertThat(p.parameter()).isEqualTo("voiceProfile"));
    }

    @Test
    void defaultsToOnceAtNormalSpeed() {
        assertThat(say.action()).isEqualTo(new Say("Hello.", VOICE, 1, 1.0));
        assertThat(new SayProvider().build(ParameterValues.of(Map.of("text", "Hi", "voiceProfile", VOICE)),
                TestCall.inbound())).containsExactly(new Say("Hi", VOICE, 1, 1.0));
    }

    @Test
    void describesItselfForTheAdminUi() {
        SayProvider provider = new SayProvider();
        assertThat(provider.displayName()).isEqualTo("Say");
        assertThat(provider.description()).isNotBlank();
        assertThat(provider.parameters()).extracting(ParameterSpec::name)
                .containsExactly("text", "voiceProfile", "repetition", "speed");
        assertThat(provider.parameters()).allSatisfy(p -> assertThat(p.help()).isNotBlank());
        assertThat(provider.parameters()).filteredOn(ParameterSpec::required).extracting(ParameterSpec::name)
                .containsExactly("text", "voiceProfile");
    }
}
