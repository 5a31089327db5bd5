package io.callroute.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.Hangup;
import io.callroute.plugin.MakeCall;
import io.callroute.plugin.Parameters;
import io.callroute.plugin.Say;
import io.callroute.plugin.SayAndCapture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallflowChecksTest {

    private static final Say SAY = new Say("Hello", "en-US-BenjaminRUS");
    private static final SayAndCapture MENU = SayAndCapture.builder("Press 1", "en-US-BenjaminRUS").build();
    private static final MakeCall CALL = new MakeCall("+6531580001", "+6562221234");

    @Test
    void validCallflowsHaveNoProblems() {
        assertEquals(List.of(), CallflowChecks.problems(List.of(SAY, new Hangup())));
        assertEquals(List.of(), CallflowChecks.problems(List.of(SAY, MENU)));
        assertEquals(List.of(), CallflowChecks.problems(List.of(SAY, CALL, CALL)));
        CallflowChecks.assertValid(List.of(new Hangup()));
    }

    @Test
    void emptyCallflowIsAProblem() {
        assertEquals(1, CallflowChecks.problems(List.of()).size());
        assertEquals(1, CallflowChecks.problems(null).size());
    }

    @Test
    void threeMakeCallsAreTooMany() {
        List<String> problems = CallflowChecks.problems(List.of(CALL, CALL, CALL));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("at most 2"), problems.get(0));
    }

    @Test
    void hangupAfterSayAndCaptureIsNamed() {
        List<String> problems = CallflowChecks.problems(List.of(MENU, new Hangup()));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("discarded"), problems.get(0));
    }

    @Test
    void sayAndCaptureMustBeLast() {
        List<String> problems = CallflowChecks.problems(List.of(MENU, SAY));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("not last"), problems.get(0));
    }

    @Test
    void nothingRunsAfterHangup() {
        List<String> problems = CallflowChecks.problems(List.of(new Hangup(), SAY));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("nothing runs after hangup"), problems.get(0));
        AssertionError error = assertThrows(AssertionError.class,
                () -> CallflowChecks.assertValid(List.of(new Hangup(), SAY)));
        assertTrue(error.getMessage().contains("[hangup, say]"), error.getMessage());
    }

    @Test
    void providersAreRunOnEveryFixture() {
        ActionProvider good = new ActionProvider() {
            @Override
            public String id() {
                return "good";
            }

            @Override
            public List<CallAction> build(Parameters parameters, CallContext call) {
                return List.of(new Say("Hi " + call.callType(), "en-GB-Emma"), new Hangup());
            }
        };
        CallflowChecks.assertValidOnAllFixtures(good, MapParameters.of());

        ActionProvider callsBack = new ActionProvider() {
            @Override
            public String id() {
                return "callsBack";
            }

            @Override
            public List<CallAction> build(Parameters parameters, CallContext call) {
                String otherParty = "OUTBOUND".equals(call.direction()) ? call.destination() : call.source();
                return List.of(new MakeCall(call.virtualNumber(), otherParty));
            }
        };
        Map<String, List<String>> problems = CallflowChecks.problemsOn(callsBack, MapParameters.of(),
                FixtureCalls.all());
        // Only the Voice SDK leg, whose source is a user id, cannot be called back.
        assertEquals(List.of(FixtureCalls.VOIP_USER_ID), List.copyOf(problems.keySet()));
        assertTrue(problems.get(FixtureCalls.VOIP_USER_ID).get(0).contains("InvalidParameterException"));
    }
}
