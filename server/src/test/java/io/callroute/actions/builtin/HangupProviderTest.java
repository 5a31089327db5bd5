package io.callroute.actions.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.actions.StepProblem;
import io.callroute.plugin.Hangup;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HangupProviderTest {

    @Test
    void takesNoParameters() {
        assertThat(new HangupProvider().parameters()).isEmpty();
        assertThat(new StepChecks("hangup", Map.of()).problems()).isEmpty();
        assertThat(new StepChecks("hangup", Map.of("reason", "done")).problems()).containsExactly(new StepProblem(0,
                "reason", "The action hangup has no parameter \"reason\"; it takes no parameters."));
    }

    @Test
    void buildsAHangup() {
        assertThat(new StepChecks("hangup", Map.of()).action()).isEqualTo(new Hangup());
        assertThat(new HangupProvider().displayName()).isEqualTo("Hang up");
    }
}
