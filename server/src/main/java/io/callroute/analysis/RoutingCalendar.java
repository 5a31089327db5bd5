package io.callroute.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.rules.RankedRule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which rule answers an entry in each 15-minute slot of one week, as a grid the UI can draw. Days follow the zone's
 * clock: a day with a DST change has 92 or 100 slots; the local times it skips are listed, the ones it repeats are
 * marked. Each slot is evaluated at its start for a typical call (no particular caller, no key pressed, no masking
 * session); {@code varies} says when some other class of call gets another answer in that slot.
 */
final class RoutingCalendar {

    static final Duration SLOT = Duration.ofMinutes(15);
    private static final int MAX_COMBOS_FOR_VARIES = 64;

    private RoutingCalendar() {
    }

    static ObjectNode build(EntryRun run, LocalDate monday) {
        ZoneId zone = run.zone;
        int[] typical = run.typicalCombo();
        List<int[]> combos = run.combos() <= MAX_COMBOS_FOR_VARIES ? run.allCombos() : List.of();
        ObjectNode body = Findings.NODES.objectNode();
        body.put("numberProperty", run.entry.numberProperty()).put("number", run.entry.number())
                .put("menu", run.entry.menu()).put("zone", zone.getId()).put("week", isoWeek(monday))
                .put("slotMinutes", SLOT.toMinutes());
        ArrayNode days = body.putArray("days");
        for (int d = 0; d < 7; d++) {
            LocalDate date = monday.plusDays(d);
            Instant start = date.atStartOfDay(zone).toInstant();
            Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
            ObjectNode day = days.addObject().put("date", date.toString())
                    .put("day", date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT,
                            java.util.Locale.ENGLISH));
            long minutes = Duration.between(start, end).toMinutes();
            day.put("minutes", minutes);
            ArrayNode slots = day.putArray("slots");
            Set<LocalTime> seen = new HashSet<>();
            for (Instant at = start; at.isBefore(end); at = at.plus(SLOT)) {
                ZonedDateTime local = at.atZone(zone);
                Moments.Moment moment = run.moment(at);
                RankedRule answer = run.answer(typical, moment);
                ObjectNode slot = slots.addObject().put("start", Ranges.time(local.toLocalTime()))
                        .put("utc", at.toString()).put("offset", local.getOffset().getId());
                slot.put("rule", answer == null ? null : answer.qualifiedName());
                if (!seen.add(local.toLocalTime())) {
                    slot.put("repeated", true);
                }
                if (varies(run, combos, moment, answer)) {
                    slot.put("varies", true);
                }
            }
            ArrayNode skipped = day.putArray("skipped");
            for (LocalTime time = LocalTime.MIDNIGHT; ; time = time.plus(SLOT)) {
                if (!seen.contains(time) && zone.getRules().getValidOffsets(date.atTime(time)).isEmpty()) {
                    skipped.add(Ranges.time(time));
                }
                if (time.equals(LocalTime.of(23, 45))) {
                    break;
                }
            }
        }
        return body;
    }

    static String isoWeek(LocalDate monday) {
        return String.format("%d-W%02d", monday.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                monday.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static boolean varies(EntryRun run, List<int[]> combos, Moments.Moment moment,
                                  RankedRule typical) {
        for (int[] combo : combos) {
            if (run.answer(combo, moment) != typical) {
                return true;
            }
        }
        return false;
    }
}
