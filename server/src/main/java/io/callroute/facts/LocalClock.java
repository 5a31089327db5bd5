package io.callroute.facts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The local date and time of the event in one time zone, as a fact. Computed from the event's own timestamp, never
 * from the server clock, so a decision can be replayed and gives the same answer.
 *
 * <p>{@code zone} is the key rules refer to: an IANA zone id ({@code Asia/Singapore}) or {@code caller} /
 * {@code callee} for the zone of the calling or called party. {@code previousDayOfWeek} lets a window that crosses
 * midnight (Fri 22:00–06:00) match early on Saturday.
 */
public final class LocalClock {

    private final String zone;
    private final String zoneId;
    private final String date;
    private final int dayOfWeek;
    private final int previousDayOfWeek;
    private final int minuteOfDay;

    private LocalClock(String zone, ZonedDateTime local) {
        this.zone = zone;
        this.zoneId = local.getZone().getId();
        this.date = local.toLocalDate().toString();
        this.dayOfWeek = local.getDayOfWeek().getValue();
        this.previousDayOfWeek = local.getDayOfWeek().minus(1).getValue();
        this.minuteOfDay = local.getHour() * 60 + local.getMinute();
    }

    /** The clock called {@code key} showing {@code instant} in {@code zone} (DST handled by java.time). */
    public static LocalClock at(String key, ZoneId zone, Instant instant) {
        return new LocalClock(key, instant.atZone(zone));
    }

    /** The key rules use: an IANA id, {@code caller} or {@code callee}. */
    public String getZone() {
        return zone;
    }

    /** The IANA zone actually used (for {@code caller}/{@code callee}, the zone resolved from the number). */
    public String getZoneId() {
        return zoneId;
    }

    /** ISO local date, e.g. {@code 2026-12-25}. */
    public String getDate() {
        return date;
    }

    /** 1 = Monday … 7 = Sunday (ISO). */
    public int getDayOfWeek() {
        return dayOfWeek;
    }

    public int getPreviousDayOfWeek() {
        return previousDayOfWeek;
    }

    /** 0 … 1439. */
    public int getMinuteOfDay() {
        return minuteOfDay;
    }

    @Override
    public String toString() {
        return "LocalClock[" + zone + " (" + zoneId + ") " + date + " day " + dayOfWeek + " "
                + String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60) + "]";
    }
}
