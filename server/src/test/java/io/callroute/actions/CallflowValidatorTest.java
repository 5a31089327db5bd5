package io.callroute.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callroute.plugin.CallAction;
import io.callroute.plugin.Hangup;
import io.callroute.plugin.MakeCall;
import io.callroute.plugin.PlayFile;
import io.callroute.plugin.Say;
import io.callroute.plugin.SayAndCapture;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallflowValidatorTest {

    private static final Say SAY = new Say("Hello.", "en-US-BenjaminRUS");
    private static final SayAndCapture MENU = SayAndCapture.builder("Press 1.", "en-US-BenjaminRUS").build();
    private static final PlayFile PLAY = new PlayFile("https://cdn.example.com/a.mp3");
    private static final Hangup HANGUP = new Hangup();

    private static MakeCall bridge(int n) {
        return new MakeCall("+6531580001", "+656222123" + n);
    }

    @Test
    void acceptsTheSpecReferenceCallflows() {
        assertThat(CallflowValidator.violations(List.of(MENU))).isEmpty();
        assertThat(CallflowValidator.violations(List.of(SAY, HANGUP))).isEmpty();
        assertThat(CallflowValidator.violations(List.of(SAY, bridge(1)))).isEmpty();
        assertThat(CallflowValidator.violations(List.of(PLAY, MENU))).isEmpty();
        assertThat(CallflowValidator.violations(List.of(HANGUP))).isEmpty();
    }

    @Test
    void rejectsAnEmptyCallflow() {
        assertThat(CallflowValidator.violations(List.of())).containsExactly("A callflow needs at least one action.");
    }

    @Test
    void allowsTwoMakeCallsButNotThree() {
        assertThat(CallflowValidator.violations(List.of(bridge(1), bridge(2)))).isEmpty();
        assertThat(CallflowValidator.violations(List.of(bridge(1), bridge(2), bridge(3))))
                .singleElement().asString().contains("at most 2 makeCall").contains("has 3");
    }

    @Test
    void rejectsHangupStraightAfterSayAndCapture() {
        List<String> violations = CallflowValidator.violations(List.of(MENU, HANGUP));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("hangup must not come straight after"));
    }

    @Test
    void hangupLaterThanStraightAfterCaptureIsOnlyTheLastActionRule() {
        List<String> violations = CallflowValidator.violations(List.of(MENU, SAY, HANGUP));
        assertThat(violations).noneSatisfy(v -> assertThat(v).contains("straight after"));
        assertThat(violations).singleElement().asString().contains("must be the last action");
    }

    @Test
    void sayAndCaptureMustBeLast() {
        assertThat(CallflowValidator.violations(List.of(MENU, SAY)))
                .containsExactly("The sayAndCapture (action 1) must be the last action,"
                        + " because the keys the caller presses arrive with the next webhook.");
    }

    @Test
    void onlyOneSayAndCapture() {
        assertThat(CallflowValidator.violations(List.of(MENU, MENU)))
                .containsExactly("A callflow may contain only one sayAndCapture, but this one has 2.");
    }

    @Test
    void nothingAfterHangup() {
        assertThat(CallflowValidator.violations(List.of(SAY, HANGUP, SAY)))
                .containsExactly("Nothing can follow a hangup (action 2), because the call has ended.");
        assertThat(CallflowValidator.violations(List.of(HANGUP, HANGUP))).hasSize(1);
    }

    @Test
    void noSayAndCaptureAfterMakeCall() {
        assertThat(CallflowValidator.violations(List.of(bridge(1), MENU)))
                .singleElement().asString().contains("sayAndCapture cannot come after a makeCall");
        assertThat(CallflowValidator.violations(List.of(SAY, bridge(1), HANGUP))).isEmpty();
    }

    @Test
    void reportsEachBrokenRuleOnce() {
        List<CallAction> actions = List.of(bridge(1), bridge(2), bridge(3), bridge(4), MENU, HANGUP, SAY);
        assertThat(CallflowValidator.violations(actions)).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void requireValidThrowsWithEveryViolation() {
        assertThatThrownBy(() -> CallflowValidator.requireValid(List.of(MENU, HANGUP)))
                .isInstanceOf(CallflowException.class)
                .satisfies(e -> assertThat(((CallflowException) e).reasons()).hasSize(2))
                .hasMessageContaining("straight after").hasMessageContaining("last action");
    }

    @Test
    void requireValidAcceptsAValidCallflow() {
        CallflowValidator.requireValid(List.of(SAY, HANGUP));
    }
}
