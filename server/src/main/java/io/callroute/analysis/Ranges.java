package io.callroute.analysis;

import io.callroute.analysis.TimeAxis.Interval;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Time intervals as people read them: adjacent intervals merged, in the local time of the entry's zone —
 * "Sun 00:00–01:00", "Fri 18:00–Mon 09:00" (a range that runs over the end of the week joins its start), and for
 * dated days "Fri 2026-12-25 00:00–24:00".
 */
final class Ranges {

    private Ranges() {
    }

    /** Merged ranges; a weekly range that ends the week and one that starts it are joined. */
    static List<Interval> merge(List<Interval> intervals, Instant weekStart, Instant weekEnd) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::start));
        List<Interval> merged = new ArrayList<>();
        for (Interval interval : sorted) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.end().equals(interval.start())) {
                merged.set(merged.size() - 1, new Interval(last.start(), interval.end(), last.dated()));
            } else {
                merged.add(interval);
            }
        }
        if (merged.size() > 1 && !merged.get(0).dated() && merged.get(0).start().equals(weekStart)
                && merged.get(merged.size() - 1).end().equals(weekEnd)) {
            Interval last = merged.remove(merged.size() - 1);
            Interval first = merged.remove(0);
            // Shown from the end of the week into its start: the caller's Sunday night runs into Monday morning.
            merged.add(new Interval(last.start(), first.end().plusSeconds(weekEnd.getEpochSecond()
                    - weekStart.getEpochSecond()), false));
        }
        return merged;
    }

    static boolean wholeWeek(List<Interval> merged, Instant weekStart, Instant weekEnd) {
        return merged.size() == 1 && merged.get(0).start().equals(weekStart) && merged.get(0).end().equals(weekEnd);
    }

    static String describe(Interval range, ZoneId zone) {
        LocalDateTime start = LocalDateTime.ofInstant(range.start(), zone);
        LocalDateTime end = LocalDateTime.ofInstant(range.end(), zone);
        String prefix = day(start) + (range.dated() ? " " + start.toLocalDate() : "") + " " + time(start.toLocalTime());
        if (end.toLocalDate().equals(start.toLocalDate())) {
            return prefix + "–" + time(end.toLocalTime());
        }
        if (end.toLocalDate().equals(start.toLocalDate().plusDays(1)) && end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return prefix + "–24:00";
        }
        return prefix + "–" + day(end) + (range.dated() ? " " + end.toLocalDate() : "") + " "
                + time(end.toLocalTime());
    }

    static String day(LocalDateTime local) {
        return local.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    static String time(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
