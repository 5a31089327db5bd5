package io.callroute.actions.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.actions.ParameterValues;
import io.callroute.actions.StepProblem;
import io.callroute.actions.TestCall;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.SayAndCapture;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SayAndCaptureProviderTest {

    private static final String VOICE = "en-US-BenjaminRUS";
    private final StepChecks menu = new StepChecks("sayAndCapture",
            Map.of("promptMessage", "Press 1 for bookings.", "voiceProfile", VOICE));

    @Test
    void maxDigitsIsAtMost25() {
        assertThat(menu.problemsWith("maxDigits", 25)).isEmpty();
        assertThat(menu.problemsWith("maxDigits", 26)).containsExactly(
                new StepProblem(0, "maxDigits", "maxDigits must be between 1 and 25, not 26."));
        assertThat(menu.problemsWith("maxDigits", 0)).extracting(StepProblem::parameter).containsExactly("maxDigits");
        assertThat(((SayAndCapture) menu.actionWith("maxDigits", 25)).maxDigits()).isEqualTo(25);
    }

    @Test
    void minDigitsMustNotExceedMaxDigits() {
        assertThat(menu.problemsWith("minDigits", 0)).containsExactly(
                new StepProblem(0, "minDigits", "minDigits must be between 1 and 25, not 0."));
        assertThat(menu.problemsWith("minDigits", 2)).containsExactly(
                new StepProblem(0, "maxDigits", "maxDigits must not be less than minDigits (1 < 2)."));
    }

    @Test
    void digitTimeoutNeedsALongerOverallTimeout() {
        assertThat(menu.problemsWith("digitTimeout", 5000)).containsExactly(
                new StepProblem(0, "overallTimeout", "overallTimeout is required when digitTimeout is set."));
        StepChecks withOverall = new StepChecks("sayAndCapture", Map.of("promptMessage", "Enter your PIN.",
                "voiceProfile", VOICE, "overallTimeout", 10000));
        assertThat(withOverall.problemsWith("digitTimeout", 10000)).extracting(StepProblem::parameter)
                .containsExactly("overallTimeout");
        assertThat(withOverall.problemsWith("digitTimeout", 9999)).isEmpty();
        assertThat(withOverall.problemsWith("digitTimeout", 0)).containsExactly(
                new StepProblem(0, "digitTimeout", "digitTimeout must be between 1 and 600000, not 0."));
        SayAndCapture capture = (SayAndCapture) withOverall.actionWith("digitTimeout", 5000);
        assertThat(capture.digitTimeout()).isEqualTo(5000);
        assertThat(capture.overallTimeout()).isEqualTo(10000);
        assertThat(((SayAndCapture) withOverall.action()).digitTimeout()).isNull();
    }

    @Test
    void noOfTriesIsOneToThree() {
        assertThat(menu.problemsWith("noOfTries", 0)).extracting(StepProblem::parameter).containsExactly("noOfTries");
        assertThat(menu.problemsWith("noOfTries", 1)).isEmpty();
        assertThat(menu.problemsWith("noOfTries", 3)).isEmpty();
        assertThat(menu.problemsWith("noOfTries", 4)).extracting(StepProblem::parameter).containsExactly("noOfTries");
    }

    @Test
    void repetitionAndSpeedFollowTheSayLimits() {
        assertThat(menu.problemsWith("repetition", 0)).extracting(StepProblem::parameter).containsExactly("repetition");
        assertThat(menu.problemsWith("repetition", 3)).isEmpty();
        assertThat(menu.problemsWith("repetition", 4)).extracting(StepProblem::parameter).containsExactly("repetition");
        assertThat(menu.problemsWith("speed", 0.4)).extracting(StepProblem::parameter).containsExactly("speed");
        assertThat(menu.problemsWith("speed", 2.0)).isEmpty();
        assertThat(menu.problemsWith("speed", 2.1)).extracting(StepProblem::parameter).containsExactly("speed");
    }

    @Test
    void defaultsAreTheSafeEmissionPolicy() {
        assertThat(menu.action()).isEqualTo(new SayAndCapture("Press 1 for bookings.", VOICE, 1.0, null, false, 1, 1,
                null, null, 1, null, null));
    }

    @Test
    void messagesAreOptionalAndAnEmptyOneMeansNone() {
        SayAndCapture capture = (SayAndCapture) new SayAndCaptureProvider().build(ParameterValues.of(Map.of(
                "promptMessage", "Press 1.", "voiceProfile", VOICE, "successMessage", "",
                "failureMessage", "Sorry.")), TestCall.inbound()).get(0);
        assertThat(capture.successMessage()).isNull();
        assertThat(capture.failureMessage()).isEqualTo("Sorry.");
        assertThat(menu.problemsWith("failureMessage", "x".repeat(3001))).extracting(StepProblem::parameter)
                .containsExactly("failureMessage");
    }

    @Test
    void promptAndVoiceAreRequired() {
        assertThat(new StepChecks("sayAndCapture", Map.of()).problems()).extracting(StepProblem::parameter)
                .containsExactly("promptMessage", "voiceProfile");
    }

    @Test
    void describesEveryParameter() {
        assertThat(new SayAndCaptureProvider().parameters()).extracting(ParameterSpec::name).containsExactly(
                "promptMessage", "voiceProfile", "minDigits", "maxDigits", "completeOnHash", "digitTimeout",
                "overallTimeout", "noOfTries", "speed", "repetition", "successMessage", "failureMessage");
        assertThat(new SayAndCaptureProvider().parameters()).allSatisfy(p -> {
            assertThat(p.help()).isNotBlank();
            assertThat(p.label()).isNotEqualTo(p.name());
        });
    }
}
