package io.callroute.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneMaskTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "+6591234532, +659*****32",
            "6591234532, 659*****32",
            "+12125550142, +121******42",
            "+656833033, +656****33",
            "+1234567, +123**67",
            "+447700900123456, +447**********56",
            "driver-88213, dr***",
            "123456, 12***",
            "+65 9123 4532, +6***",
            "abc, ab***",
            "a, a***",
            "'', ***",
            "NULL, -"})
    void keepsCountryAndLastTwoDigitsOfNumbersAndAlmostNothingOfAnythingElse(String number, String masked) {
        assertThat(PhoneMask.mask(number)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({"+6591234532", "+12125550142", "+447700900123"})
    void neverShowsTheMiddleOfANumber(String number) {
        String masked = PhoneMask.mask(number);
        assertThat(masked).hasSameSizeAs(number).doesNotContain(number.substring(4, number.length() - 2));
    }

    @org.junit.jupiter.api.Test
    void numbersInsideATextAreMaskedButTimestampsAndIdsAreNot() {
        String body = "{\"source\":\"+6591234532\",\"destination\":\"6531580001\",\"callId\":"
                + "\"627e25f1-133a-11ef-b08c-e33c09483244\",\"timestamp\":\"2024-05-16T04:12:11.217Z\",\"sipCode\":200}";
        org.assertj.core.api.Assertions.assertThat(PhoneMask.maskNumbersIn(body)).isEqualTo(
                "{\"source\":\"+659*****32\",\"destination\":\"653*****01\",\"callId\":"
                + "\"627e25f1-133a-11ef-b08c-e33c09483244\",\"timestamp\":\"2024-05-16T04:12:11.217Z\",\"sipCode\":200}");
        org.assertj.core.api.Assertions.assertThat(PhoneMask.maskNumbersIn("no numbers")).isEqualTo("no numbers");
    }

    @org.junit.jupiter.api.Test
    void keepsOnlyTheNumbersItIsToldToKeep() {
        String body = "{\"source\":\"+447700900123\",\"destination\":\"+442079460958\","
                + "\"bridged\":\"442079460000\",\"ref\":\"442079460958\"}";
        assertThat(PhoneMask.maskNumbersIn(body, java.util.Set.of("+442079460958")))
                .isEqualTo("{\"source\":\"+447*******23\",\"destination\":\"+442079460958\","
                        + "\"bridged\":\"442*******00\",\"ref\":\"442079460958\"}");
        assertThat(PhoneMask.maskNumbersIn(body, java.util.Set.of()))
                .isEqualTo(PhoneMask.maskNumbersIn(body)).doesNotContain("+442079460958");
    }
}
