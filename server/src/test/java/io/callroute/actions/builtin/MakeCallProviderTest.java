package io.callroute.actions.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.actions.StepProblem;
import io.callroute.plugin.MakeCall;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MakeCallProviderTest {

    private final StepChecks bridge = new StepChecks("makeCall",
            Map.of("source", "+6531580001", "destination", "+6562221234"));

    @Test
    void numbersMustBeE164WithOrWithoutThePlus() {
        assertThat(bridge.problemsWith("destination", "6562221234")).isEmpty();
        assertThat(bridge.problemsWith("destination", 6562221234L)).isEmpty();
        assertThat(((MakeCall) bridge.actionWith("destination", 6562221234L)).destination())
                .isEqualTo("+6562221234");
        assertThat(bridge.problemsWith("destination", "12345")).containsExactly(new StepProblem(0, "destination",
                "destination \"12345\" is not an E.164 phone number (a + and 7 to 15 digits, e.g. +6531580001)."));
        assertThat(bridge.problemsWith("source", "+65 3158 0001")).extracting(StepProblem::parameter)
                .containsExactly("source");
    }

    @Test
    void bothNumbersAreRequiredAndMustDiffer() {
        assertThat(new StepChecks("makeCall", Map.of()).problems()).extracting(StepProblem::parameter)
                .containsExactly("source", "destination");
        assertThat(bridge.problemsWith("destination", "+6531580001")).containsExactly(new StepProblem(0,
                "destination", "destination is the same number as source (+6531580001)."));
    }

    @Test
    void recordsOnlyWhenAsked() {
        assertThat(bridge.action()).isEqualTo(new MakeCall("+6531580001", "+6562221234", false));
        assertThat(((MakeCall) bridge.actionWith("callRecording", "true")).callRecording()).isTrue();
        assertThat(bridge.problemsWith("callRecording", "maybe")).extracting(StepProblem::parameter)
                .containsExactly("callRecording");
    }
}
