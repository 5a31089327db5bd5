package io.callroute.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalClockTest {

    private static LocalClock clock(String zone, String instant) {
        return LocalClock.at(zone, ZoneId.of(zone), Instant.parse(instant));
    }

    @Test
    void singaporeHasNoDaylightSavingTime() {
        LocalClock winter = clock("Asia/Singapore", "2025-01-07T02:00:00Z");
        LocalClock summer = clock("Asia/Singapore", "2025-07-08T02:00:00Z");
        assertThat(winter.getMinuteOfDay()).isEqualTo(10 * 60);
        assertThat(summer.getMinuteOfDay()).isEqualTo(10 * 60);
        assertThat(winter.getDayOfWeek()).isEqualTo(2);   // Tuesday
    }

    @Test
    void newYorkFollowsDaylightSavingTimeAcrossTheMarchChange() {
        // 2025-03-09 02:00 local: clocks jump to 03:00 (UTC-5 → UTC-4)
        assertThat(clock("America/New_York", "2025-03-09T06:59:00Z").getMinuteOfDay()).isEqualTo(60 + 59);
        assertThat(clock("America/New_York", "2025-03-09T07:00:00Z").getMinuteOfDay()).isEqualTo(3 * 60);
    }

    @Test
    void londonSummerTimeShiftsTheLocalHour() {
        assertThat(clock("Europe/London", "2025-05-21T08:48:00Z").getMinuteOfDay()).isEqualTo(9 * 60 + 48);
        assertThat(clock("Europe/London", "2025-01-21T08:48:00Z").getMinuteOfDay()).isEqualTo(8 * 60 + 48);
    }

    @Test
    void halfHourZonesKeepTheirMinutes() {
        LocalClock kolkata = clock("Asia/Kolkata", "2025-06-02T04:00:00Z");
        assertThat(kolkata.getMinuteOfDay()).isEqualTo(9 * 60 + 30);
        LocalClock kathmandu = clock("Asia/Kathmandu", "2025-06-02T04:00:00Z");   // UTC+5:45
        assertThat(kathmandu.getMinuteOfDay()).isEqualTo(9 * 60 + 45);
    }

    @Test
    void theLocalDateAndWeekdayChangeAtLocalMidnightNotUtcMidnight() {
        // 2025-04-05 (Saturday) 16:30 UTC is already Sunday 00:30 in Singapore
        LocalClock sunday = clock("Asia/Singapore", "2025-04-05T16:30:00Z");
        assertThat(sunday.getDate()).isEqualTo("2025-04-06");
        assertThat(sunday.getDayOfWeek()).isEqualTo(7);
        assertThat(sunday.getPreviousDayOfWeek()).isEqualTo(6);
        assertThat(sunday.getMinuteOfDay()).isEqualTo(30);

        LocalClock monday = clock("Asia/Singapore", "2025-04-06T16:00:00Z");
        assertThat(monday.getDayOfWeek()).isEqualTo(1);
        assertThat(monday.getPreviousDayOfWeek()).isEqualTo(7);
        assertThat(monday.getMinuteOfDay()).isZero();
    }
}
