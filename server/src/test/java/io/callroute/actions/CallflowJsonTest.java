package io.callroute.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.Hangup;
import io.callroute.plugin.MakeCall;
import io.callroute.plugin.PlayFile;
import io.callroute.plugin.Say;
import io.callroute.plugin.SayAndCapture;
import io.callroute.testing.EightByEightCallflow;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CallflowJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static void assertJson(Callflow callflow, String expected) throws Exception {
        String json = CallflowJson.toJson(callflow);
        assertThat(MAPPER.readTree(json)).isEqualTo(MAPPER.readTree(expected));
        assertThat(json).isEqualTo(MAPPER.writeValueAsString(MAPPER.readTree(expected)));
    }

    @Test
    void writesTheTerminalMessageOfSpecSection43() throws Exception {
        Callflow callflow = new Callflow(null, List.of(
                new Say("We are open 9 AM to 9 PM daily. Goodbye.", "en-US-BenjaminRUS", 1, 1.0), new Hangup()));
        assertThat(CallflowJson.toJson(callflow)).isEqualTo("{\"callflow\":[{\"action\":\"say\",\"params\":{"
                + "\"text\":\"We are open 9 AM to 9 PM daily. Goodbye.\",\"voiceProfile\":\"en-US-BenjaminRUS\","
                + "\"repetition\":1,\"speed\":1.0}},{\"action\":\"hangup\"}]}");
    }

    @Test
    void writesSayAndCaptureWithAllFields() throws Exception {
        SayAndCapture menu = SayAndCapture.builder("Press 1 for bookings.", "en-US-BenjaminRUS")
                .speed(1.5).repetition(2).completeOnHash(true).digits(1, 4).timeouts(5000, 10000).noOfTries(2)
                .successMessage("Thanks.").failureMessage("Sorry, that was not a valid choice.").build();
        assertJson(new Callflow("main_menu", List.of(menu)), """
                {"clientActionId":"main_menu","callflow":[{"action":"sayAndCapture","params":{
                "promptMessage":"Press 1 for bookings.","voiceProfile":"en-US-BenjaminRUS","speed":1.5,
                "repetition":2,"completeOnHash":true,"minDigits":1,"maxDigits":4,"digitTimeout":5000,
                "overallTimeout":10000,"noOfTries":2,"successMessage":"Thanks.",
                "failureMessage":"Sorry, that was not a valid choice."}}]}""");
    }

    @Test
    void leavesOutUnsetSayAndCaptureOptionals() throws Exception {
        SayAndCapture menu = SayAndCapture.builder("Press 1 to hear it again, or 9 to end.", "en-US-BenjaminRUS")
                .build();
        assertJson(new Callflow("promo_menu", List.of(new PlayFile("https://cdn.example.com/ivr/promo-v3.mp3"), menu)),
                """
                {"clientActionId":"promo_menu","callflow":[
                {"action":"playFile","params":{"fileUrl":"https://cdn.example.com/ivr/promo-v3.mp3","repetition":1}},
                {"action":"sayAndCapture","params":{"promptMessage":"Press 1 to hear it again, or 9 to end.",
                "voiceProfile":"en-US-BenjaminRUS","speed":1.0,"completeOnHash":false,"minDigits":1,"maxDigits":1,
                "noOfTries":1}}]}""");
    }

    @Test
    void writesMakeCallRecordingOnlyWhenOn() throws Exception {
        assertJson(new Callflow("post_call", List.of(new MakeCall("+6531580001", "+6562221234"))), """
                {"clientActionId":"post_call","callflow":[{"action":"makeCall",
                "params":{"source":"+6531580001","destination":"+6562221234"}}]}""");
        assertJson(new Callflow(null, List.of(new MakeCall("6531580001", "+6562221234", true))), """
                {"callflow":[{"action":"makeCall",
                "params":{"source":"+6531580001","destination":"+6562221234","callRecording":true}}]}""");
    }

    @Test
    void escapesText() throws Exception {
        String text = "Say \"hi\" \\ to\nRené 😀 </script>\tnow";
        String json = CallflowJson.toJson(new Callflow("a\"b", List.of(new Say(text, "en-GB-Emma"), new Hangup())));
        // Emoji (outside the Basic Multilingual Plane) come out as an escaped surrogate pair, which is valid JSON.
        assertThat(json).contains("\"text\":\"Say \\\"hi\\\" \\\\ to\\nRené \\uD83D\\uDE00 </script>\\tnow\"")
                .contains("\"clientActionId\":\"a\\\"b\"");
        JsonNode tree = MAPPER.readTree(json);
        assertThat(tree.at("/callflow/0/params/text").asText()).isEqualTo(text);
    }

    @Test
    void bytesAreUtf8OfTheSameJson() {
        Callflow callflow = new Callflow(null, List.of(new Say("Grüße", "de-DE-KatjaNeural"), new Hangup()));
        assertThat(new String(CallflowJson.toBytes(callflow), StandardCharsets.UTF_8))
                .isEqualTo(CallflowJson.toJson(callflow)).contains("Grüße");
    }

    @Test
    void writesSpeedAsAJsonNumber() throws Exception {
        JsonNode tree = MAPPER.readTree(CallflowJson.toJson(new Callflow(null,
                List.of(new Say("Slow.", "en-GB-Emma", 3, 0.5), new Hangup()))));
        assertThat(tree.at("/callflow/0/params/speed").isNumber()).isTrue();
        assertThat(tree.at("/callflow/0/params/speed").asDouble()).isEqualTo(0.5);
        assertThat(tree.at("/callflow/0/params/repetition").asInt()).isEqualTo(3);
    }

    @Test
    void hangupHasNoParams() throws Exception {
        JsonNode hangup = MAPPER.readTree(CallflowJson.toJson(new Callflow(null, List.of(new Hangup()))))
                .at("/callflow/0");
        assertThat(hangup.has("params")).isFalse();
        assertThat(hangup.get("action").asText()).isEqualTo("hangup");
    }

    /** Java 17 has no exhaustive pattern switch; this catches a CallAction the writer does not handle. */
    @Test
    void writesEveryPermittedActionType() throws Exception {
        List<CallAction> oneOfEach = List.of(new Say("Hi.", "en-GB-Emma"), new PlayFile("https://x.example/a.wav"),
                new MakeCall("+6531580001", "+6562221234"), new Hangup(),
                SayAndCapture.builder("Press 1.", "en-GB-Emma").build());
        Set<Class<?>> covered = oneOfEach.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(
                Arrays.asList(CallAction.class.getPermittedSubclasses()));
        for (CallAction action : oneOfEach) {
            String json = CallflowJson.toJson(new Callflow(null, List.of(action)));
            assertThat(MAPPER.readTree(json).at("/callflow/0/action").asText()).isEqualTo(action.actionName());
        }
    }

    @Test
    void roundTripsThroughTheIndependentEightByEightReader() throws Exception {
        Callflow callflow = new Callflow("menu:2", List.of(new PlayFile("https://cdn.example.com/x.mp3", 2),
                new Say("Connecting.", "en-GB-Emma", 2, 1.25),
                new MakeCall("+6531580001", "+6562221234", true)));
        EightByEightCallflow parsed = EightByEightCallflow.parse(CallflowJson.toJson(callflow));
        assertThat(parsed.clientActionId()).isEqualTo("menu:2");
        assertThat(parsed.actions()).isEqualTo(callflow.actions());
    }
}
