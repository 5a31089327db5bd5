package io.callroute.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CALLROUTE_CALL_LOG_NUMBERS and CALLROUTE_CALL_LOG_RETENTION: masked and 30 days unless told otherwise. */
class CallLogSettingsTest {

    private static Settings read(Map<String, String> environment) {
        return Settings.read(new SettingSource(Map.of(), environment, null));
    }

    @Test
    void numbersAreMaskedAndKeptThirtyDaysByDefault() {
        Settings settings = read(Map.of());
        assertThat(settings.callLogNumbers()).isEqualTo(Settings.CallLogNumbers.MASKED);
        assertThat(settings.callLogRetention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void readsBothSettings() {
        Settings settings = read(Map.of("CALLROUTE_CALL_LOG_NUMBERS", "FULL", "CALLROUTE_CALL_LOG_RETENTION", "P7D"));
        assertThat(settings.callLogNumbers()).isEqualTo(Settings.CallLogNumbers.FULL);
        assertThat(settings.callLogRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.toString()).contains("callLogNumbers=FULL", "callLogRetention=PT168H");
    }

    @Test
    void badValuesNameTheSettingAndSayWhatWouldDo() {
        assertThatThrownBy(() -> read(Map.of("CALLROUTE_CALL_LOG_NUMBERS", "partial")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("CALLROUTE_CALL_LOG_NUMBERS")
                .hasMessageContaining("masked or full");
        assertThatThrownBy(() -> read(Map.of("CALLROUTE_CALL_LOG_RETENTION", "30 days")))
                .hasMessageContaining("CALLROUTE_CALL_LOG_RETENTION").hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> read(Map.of("CALLROUTE_CALL_LOG_RETENTION", "P0D")))
                .hasMessageContaining("CALLROUTE_CALL_LOG_RETENTION").hasMessageContaining("longer than zero");
    }
}
