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

    /**
     * The scanner of {@code maskNumbersIn} against its definition, the pattern {@link PhoneMask#NUMBER_IN_TEXT}
     * (what the call log writer used to run): the same output on text made to sit on every boundary — digit runs of 5
     * to 17 around the 7–15 limits, with and without '+', glued to letters, '_', '.', '-', '+', non-ASCII letters,
     * JSON punctuation — and with some of its numbers to keep. Seeded, so a failure repeats.
     */
    @org.junit.jupiter.api.Test
    void masksExactlyWhatThePatternMatches() {
        java.util.Random random = new java.util.Random(20261126L);
        String around = "+-._aZé \":,{}";
        int masked = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            java.util.List<String> numbers = new java.util.ArrayList<>();
            for (int part = random.nextInt(6); part >= 0; part--) {
                if (random.nextBoolean()) {
                    text.append(around.charAt(random.nextInt(around.length())));
                }
                if (random.nextInt(3) == 0) {
                    text.append('+');
                }
                StringBuilder digits = new StringBuilder();
                for (int i = 5 + random.nextInt(13); i > 0; i--) {
                    digits.append((char) ('0' + random.nextInt(10)));
                }
                numbers.add(digits.toString());
                text.append(digits);
            }
            java.util.Set<String> keep = random.nextInt(4) == 0 && !numbers.isEmpty()
                    ? java.util.Set.of((random.nextBoolean() ? "+" : "") + numbers.get(random.nextInt(numbers.size())))
                    : java.util.Set.of();
            String expected = byPattern(text.toString(), keep);
            assertThat(PhoneMask.maskNumbersIn(text.toString(), keep)).as("%s keeping %s", text, keep)
                    .isEqualTo(expected);
            if (!expected.contentEquals(text)) {
                masked++;
            }
        }
        assertThat(masked).as("texts with something masked: the generator reaches both outcomes").isBetween(2_000,
                18_000);
    }

    /** The reference: every match of the pattern masked, unless kept (with or without its '+'). */
    private static String byPattern(String text, java.util.Set<String> keep) {
        java.util.regex.Matcher matcher = PhoneMask.NUMBER_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String number = matcher.group();
            String bare = number.startsWith("+") ? number.substring(1) : number;
            boolean kept = keep.contains(bare) || keep.contains("+" + bare);
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(kept ? number
                    : PhoneMask.mask(number)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
