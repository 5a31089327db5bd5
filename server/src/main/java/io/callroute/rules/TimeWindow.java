package io.callroute.rules;

import java.util.Set;

/**
 * When, in local time, a rule applies: on some days, between two times, in one zone. {@code to} is exclusive; a
 * window whose {@code to} is not after {@code from} crosses midnight, and then belongs to the day it starts on
 * (Fri 22:00–06:00 includes Saturday 02:00, not Friday 02:00).
 *
 * @param zoneKey an IANA zone id, {@code caller} or {@code callee}
 * @param days    ISO day numbers (1 = Monday); empty for every day
 * @param from    minute of day, inclusive, 0–1439
 * @param to      minute of day, exclusive, 1–1440
 * @param dates   ISO local dates the window is limited to; empty for any date
 */
public record TimeWindow(String zoneKey, Set<Integer> days, int from, int to, Set<String> dates) {

    public TimeWindow {
        days = Set.copyOf(days);
        dates = Set.copyOf(dates);
    }

    public boolean crossesMidnight() {
        return to <= from;
    }

    public boolean isAllDay() {
        return from == 0 && to == 24 * 60;
    }
}
