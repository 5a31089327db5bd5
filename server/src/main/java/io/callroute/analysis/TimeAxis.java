package io.callroute.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cuts a stretch of time into intervals in which no rule can change its mind: cut at every minute of the day any
 * window or opening hours start or end at, at every midnight and at every DST transition, in every zone involved.
 * Inside one interval every local clock stays on the same date and on the same side of every boundary, so one
 * instant per interval stands for all of it.
 */
final class TimeAxis {

    /** From {@code start} inclusive to {@code end} exclusive; {@code dated} for the days of holidays and dates. */
    record Interval(Instant start, Instant end, boolean dated) {
    }

    private TimeAxis() {
    }

    static List<Interval> intervals(Instant start, Instant end, Set<ZoneId> zones, Set<Integer> minutes,
                                    boolean dated) {
        TreeSet<Instant> cuts = new TreeSet<>();
        cuts.add(start);
        for (ZoneId zone : zones) {
            LocalDate first = start.atZone(zone).toLocalDate().minusDays(1);
            LocalDate last = end.atZone(zone).toLocalDate().plusDays(1);
            for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
                for (int minute : minutes) {
                    if (minute >= 0 && minute < 24 * 60) {
                        add(cuts, ZonedDateTime.ofLocal(date.atStartOfDay().plusMinutes(minute), zone, null)
                                .toInstant(), start, end);
                    }
                }
            }
            ZoneOffsetTransition transition = zone.getRules().nextTransition(start);
            while (transition != null && transition.getInstant().isBefore(end)) {
                add(cuts, transition.getInstant(), start, end);
                transition = zone.getRules().nextTransition(transition.getInstant());
            }
        }
        List<Interval> intervals = new ArrayList<>();
        Instant previous = null;
        for (Instant cut : cuts) {
            if (previous != null) {
                intervals.add(new Interval(previous, cut, dated));
            }
            previous = cut;
        }
        intervals.add(new Interval(previous, end, dated));
        return intervals;
    }

    private static void add(Set<Instant> cuts, Instant cut, Instant start, Instant end) {
        if (!cut.isBefore(start) && cut.isBefore(end)) {
            cuts.add(cut);
        }
    }
}
