package io.callroute.it.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fuzzer's oracle must be able to fail: the spec's reference answers pass it, broken ones do not. */
class AnswerCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSpecsReferenceResponsesAreWithinTheLimits() throws IOException {
        for (String answer : new String[] {
                "{\"clientActionId\":\"main_menu\",\"callflow\":[{\"action\":\"sayAndCapture\",\"params\":{"
                        + "\"promptMessage\":\"Welcome. Press 1 for bookings.\",\"voiceProfile\":\"en-US-BenjaminRUS\","
                        + "\"speed\":1.0,\"completeOnHash\":false,\"minDigits\":1,\"maxDigits\":1,"
                        + "\"digitTimeout\":5000,\"overallTimeout\":10000,\"noOfTries\":2,\"successMessage\":null,"
                        + "\"failureMessage\":\"Sorry, that was not a valid choice.\"}}]}",
                "{\"callflow\":[{\"action\":\"say\",\"params\":{\"text\":\"We are open 9 AM to 9 PM daily. Goodbye.\","
                        + "\"voiceProfile\":\"en-US-BenjaminRUS\",\"repetition\":1,\"speed\":1.0}},"
                        + "{\"action\":\"hangup\"}]}",
                "{\"clientActionId\":\"post_call\",\"callflow\":[{\"action\":\"say\",\"params\":{\"text\":\"Connecting"
                        + " you now.\",\"voiceProfile\":\"en-GB-Emma\"}},{\"action\":\"makeCall\",\"params\":{"
                        + "\"source\":\"+6531580001\",\"destination\":\"+6562221234\"}}]}",
                "{\"clientActionId\":\"promo_menu\",\"callflow\":[{\"action\":\"playFile\",\"params\":{\"fileUrl\":"
                        + "\"https://cdn.example.com/ivr/promo-v3.mp3\",\"repetition\":1}},"
                        + "{\"action\":\"sayAndCapture\",\"params\":{\"promptMessage\":\"Press 1 to hear it again.\","
                        + "\"voiceProfile\":\"en-US-BenjaminRUS\","
                        + "\"completeOnHash\":false,\"minDigits\":1,\"maxDigits\":1,\"noOfTries\":1}}]}"}) {
            assertThat(CallflowLimits.violations(JSON.readTree(answer))).as(answer).isEmpty();
        }
    }

    @Test
    void answersOutsideTheLimitsAreNamed() throws IOException {
        String say = "{\"action\":\"say\",\"params\":{\"text\":\"Hi\",\"voiceProfile\":\"en-GB-Emma\"}}";
        assertViolates("{\"callflow\":[]}", "empty");
        assertViolates("{\"callflow\":[" + say + "],\"status\":\"ok\"}", "unknown top-level field status");
        assertViolates("{\"clientActionId\":\"a b\",\"callflow\":[" + say + "]}", "clientActionId");
        assertViolates("{\"callflow\":[{\"action\":\"say\",\"params\":{\"text\":\"" + "x".repeat(3001)
                + "\",\"voiceProfile\":\"en-GB-Emma\"}}]}", "3001 characters");
        assertViolates("{\"callflow\":[{\"action\":\"say\",\"params\":{\"text\":\"Hi\",\"voiceProfile\":\"en-GB-Emma\","
                + "\"repetition\":4}}]}", "repetition 4");
        assertViolates("{\"callflow\":[{\"action\":\"say\",\"params\":{\"text\":\"Hi\\u0007\","
                + "\"voiceProfile\":\"en-GB-Emma\"}}]}", "control character");
        assertViolates("{\"callflow\":[{\"action\":\"sayAndCapture\",\"params\":{\"promptMessage\":\"Press\","
                + "\"voiceProfile\":\"en-GB-Emma\",\"completeOnHash\":true,\"minDigits\":3,\"maxDigits\":2,"
                + "\"digitTimeout\":5000,\"overallTimeout\":5000}},{\"action\":\"hangup\"}]}",
                "minDigits 3 > maxDigits 2", "larger overallTimeout", "hangup straight after sayAndCapture");
        String call = "{\"action\":\"makeCall\",\"params\":{\"source\":\"+6531580001\","
                + "\"destination\":\"+6562221234\"}}";
        assertViolates("{\"callflow\":[" + call + "," + call + "," + call + "]}", "at most 2");
        assertViolates("{\"callflow\":[{\"action\":\"makeCall\",\"params\":{\"source\":\"+65\","
                + "\"destination\":\"x\"}}]}", "source \"+65\" is not an E.164", "destination \"x\"");
        assertViolates("{\"callflow\":[{\"action\":\"playFile\",\"params\":{\"fileUrl\":\"file:///etc/passwd\"}}]}",
                "fileUrl");
        assertViolates("{\"callflow\":[{\"action\":\"say&capture\",\"params\":{}}]}", "is not one of");
    }

    @Test
    void theExpectationFollowsTheEnvelopeOfStrictJsonOnly() {
        assertThat(expectation("{\"namespace\":\"VOICE\",\"eventType\":\"CALL_ACTION\",\"payload\":{}}"))
                .isEqualTo(AnswerCheck.Expectation.CALLFLOW);
        assertThat(expectation("{\"eventType\":\"CALL_STATUS\",\"payload\":{}}"))
                .isEqualTo(AnswerCheck.Expectation.ACKNOWLEDGEMENT);
        assertThat(expectation("{\"namespace\":\"SMS\",\"eventType\":\"CALL_ACTION\",\"payload\":{}}"))
                .isEqualTo(AnswerCheck.Expectation.ACKNOWLEDGEMENT);
        assertThat(expectation("{\"eventType\":\"CALL_ACTION\",\"eventType\":\"CALL_ACTION\",\"payload\":{}}"))
                .as("duplicate keys").isEqualTo(AnswerCheck.Expectation.EITHER);
        assertThat(expectation("{\"eventType\":\"CALL_ACTION\", // comment\n\"payload\":{}}"))
                .isEqualTo(AnswerCheck.Expectation.EITHER);
    }

    private static AnswerCheck.Expectation expectation(String body) {
        return AnswerCheck.expectationOf(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertViolates(String answer, String... expected) throws IOException {
        JsonNode tree = JSON.readTree(answer);
        String violations = String.join(" | ", CallflowLimits.violations(tree));
        for (String each : expected) {
            assertThat(violations).as(answer).contains(each);
        }
    }
}
