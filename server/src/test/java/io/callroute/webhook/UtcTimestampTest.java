package io.callroute.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path gives what {@link Instant#parse} gives, or leaves the text to it. */
class UtcTimestampTest {

    @org.junit.jupiter.api.Test
    void readsEveryUtcTimestampAsInstantParseDoes() {
        Random random = new Random(20261126L);
        for (int i = 0; i < 50_000; i++) {
            LocalDateTime time = LocalDateTime.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    0, ZoneOffset.UTC);
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", time.getYear(),
                    time.getMonthValue(), time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond()));
            int fraction = random.nextInt(10);
            if (fraction > 0) {
                text.append('.');
                for (int d = 0; d < fraction; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            String timestamp = text.append('Z').toString();
            assertThat(UtcTimestamp.parse(timestamp)).as(timestamp).isEqualTo(Instant.parse(timestamp));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-04-08T03:00:19.447Z", "2024-02-29T23:59:59Z", "2025-02-29T10:00:00Z",
            "2025-04-31T10:00:00Z", "2025-13-01T10:00:00Z", "2025-00-01T10:00:00Z", "2025-04-08T24:00:00Z",
            "2025-04-08T23:60:00Z", "2025-04-08T23:59:60Z", "2025-04-08t03:00:19Z", "2025-04-08T03:00:19z",
            "2025-04-08T03:00:19.Z", "2025-04-08T03:00:19.1234567891Z", "2025-04-08T03:00:19+08:00",
            "2025-04-08T03:00:19.447+00:00", "2025-04-08 03:00:19Z", "2025-4-08T03:00:19Z", "+2025-04-08T03:00:19Z",
            "2025-04-08T03:00:19,447Z", "2025-04-08T03:0a:19Z", "2025-04-08T03:00:19.44aZ", "yesterday",
            "2025-04-08T03:00:19.000000000Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"})
    void eitherAgreesWithInstantParseOrLeavesItToIt(String text) {
        Instant fast = UtcTimestamp.parse(text);
        Instant general;
        try {
            general = Instant.parse(text);
        } catch (DateTimeParseException e) {
            general = null;
        }
        if (fast != null) {
            assertThat(fast).isEqualTo(general);
        }
        if (general == null) {
            assertThat(fast).as("what Instant.parse refuses stays refused").isNull();
        }
    }
}
