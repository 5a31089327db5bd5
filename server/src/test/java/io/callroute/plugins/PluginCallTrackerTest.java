package io.callroute.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The tracker sums up each plugin's calls and failures of one decision, for the call log's trace. */
class PluginCallTrackerTest {

    @Test
    void sumsCallsAndFailuresPerPluginInTheOrderFirstCalled() throws Exception {
        PluginCallTracker tracker = new PluginCallTracker();
        tracker.runWithin(() -> {
            PluginCall.run("crm", null, () -> "gold");
            PluginCall.run("builtin", null, () -> "say");
            PluginCall.run("crm", null, () -> "silver");
            assertThatThrownBy(() -> PluginCall.run("crm", null, () -> {
                throw new IllegalStateException("down");
            })).hasMessage("down");
            return null;
        });
        assertThat(tracker.uses()).extracting(PluginCallTracker.Use::plugin, PluginCallTracker.Use::calls,
                        PluginCallTracker.Use::failures)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("crm", 3, 1),
                        org.assertj.core.groups.Tuple.tuple("builtin", 1, 0));
        assertThat(tracker.failedIn()).isEqualTo("crm");
    }

    @Test
    void callsOutsideADecisionAreNotCounted() {
        PluginCallTracker tracker = new PluginCallTracker();
        PluginCall.run("crm", null, () -> "gold");
        assertThat(tracker.uses()).isEmpty();
    }
}
