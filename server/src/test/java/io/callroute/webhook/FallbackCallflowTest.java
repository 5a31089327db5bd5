package io.callroute.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callroute.config.InvalidSettingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FallbackCallflowTest {

    @Test
    void isAnApologyThenHangupInEightByEightJson() {
        FallbackCallflow fallback = new FallbackCallflow("Sorry, please call later.", "en-GB-Emma");
        String json = new String(fallback.json(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"callflow\":[{\"action\":\"say\"")
                .contains("\"text\":\"Sorry, please call later.\"").contains("\"voiceProfile\":\"en-GB-Emma\"")
                .endsWith("{\"action\":\"hangup\"}]}").doesNotContain("clientActionId");
    }

    @Test
    void aFallbackThatEightByEightWouldRefuseStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new FallbackCallflow("x".repeat(3001), "en-GB-Emma"))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("CALLROUTE_FALLBACK_MESSAGE");
        assertThatThrownBy(() -> new FallbackCallflow("Sorry.", "not a voice"))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("CALLROUTE_FALLBACK_VOICE_PROFILE");
    }
}
