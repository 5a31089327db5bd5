package io.callroute.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.facts.Schedule;
import io.callroute.publishing.Finding;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.RankedRule;
import io.callroute.rules.ScheduleCondition;
import io.callroute.rules.TimeWindow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Window and opening-hours boundaries that fall into a DST change in their zone within the next twelve months
 * ({@code dst}, a warning): a local time that does not exist that day (clocks go forward) or happens twice (clocks
 * go back). Windows in {@code caller}/{@code callee} zones are not checked: their zone depends on the call.
 */
final class DstFindings {

    private record Boundary(String subject, String verb, ZoneId zone, int minute, Predicate<LocalDate> appliesOn,
                            RankedRule rule, String ruleSet) {
    }

    private DstFindings() {
    }

    static List<Finding> of(CompiledRules rules, Instant now) {
        List<Boundary> boundaries = new ArrayList<>();
        for (RankedRule rule : rules.rules()) {
            for (TimeWindow window : rule.rule().when().windows()) {
                if (Moments.isParty(window.zoneKey())) {
                    continue;
                }
                ZoneId zone = ZoneId.of(window.zoneKey());
                String subject = "Rule " + rule.qualifiedName() + "'s time window (" + io.callroute.rules
                        .ConditionEvaluator.describe(window) + ")";
                Predicate<LocalDate> starts = date -> applies(window.days(), window.dates(), date);
                Predicate<LocalDate> ends = window.crossesMidnight() || window.to() == 24 * 60
                        ? date -> applies(window.days(), window.dates(), date.minusDays(1)) : starts;
                boundaries.add(new Boundary(subject, "starts", zone, window.from(), starts, rule, rule.ruleSet()));
                boundaries.add(new Boundary(subject, "ends", zone, window.to() % (24 * 60), ends, rule,
                        rule.ruleSet()));
            }
        }
        rules.schedules().values().forEach(schedule -> addSchedule(rules, schedule, boundaries));
        Instant horizon = now.plus(366, ChronoUnit.DAYS);
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (Boundary boundary : boundaries) {
            ZoneOffsetTransition transition = boundary.zone().getRules().nextTransition(now);
            while (transition != null && transition.getInstant().isBefore(horizon)) {
                String key = boundary.subject() + boundary.verb() + boundary.minute();
                if (!findings.containsKey(key)) {
                    Finding finding = check(boundary, transition);
                    if (finding != null) {
                        findings.put(key, finding);
                    }
                }
                transition = boundary.zone().getRules().nextTransition(transition.getInstant());
            }
        }
        return new ArrayList<>(findings.values());
    }

    private static void addSchedule(CompiledRules rules, Schedule schedule, List<Boundary> boundaries) {
        if (Moments.isParty(schedule.zoneKey())) {
            return;
        }
        RankedRule user = rules.rules().stream().filter(rule -> rule.rule().when().schedules().stream()
                .map(ScheduleCondition::schedule).anyMatch(schedule.name()::equals)).findFirst().orElse(null);
        String ruleSet = user == null ? null : user.ruleSet();
        ZoneId zone = ZoneId.of(schedule.zoneKey());
        String subject = "Schedule " + schedule.name();
        for (Schedule.Hours hours : schedule.hours()) {
            Predicate<LocalDate> starts = date -> hours.days().contains(date.getDayOfWeek().getValue());
            Predicate<LocalDate> ends = hours.to() <= hours.from() || hours.to() == 24 * 60
                    ? date -> starts.test(date.minusDays(1)) : starts;
            boundaries.add(new Boundary(subject, "opens", zone, hours.from(), starts, null, ruleSet));
            boundaries.add(new Boundary(subject, "closes", zone, hours.to() % (24 * 60), ends, null, ruleSet));
        }
        schedule.specialHours().forEach((date, list) -> list.forEach(hours -> {
            boundaries.add(new Boundary(subject + " on " + date, "opens", zone, hours.from(), date::equals, null,
                    ruleSet));
            boundaries.add(new Boundary(subject + " on " + date, "closes", zone, hours.to() % (24 * 60),
                    date::equals, null, ruleSet));
        }));
    }

    private static boolean applies(Set<Integer> days, Set<String> dates, LocalDate date) {
        if (!dates.isEmpty()) {
            return dates.contains(date.toString());
        }
        return days.isEmpty() || days.contains(date.getDayOfWeek().getValue());
    }

    private static Finding check(Boundary boundary, ZoneOffsetTransition transition) {
        LocalDateTime before = transition.getDateTimeBefore();
        LocalDateTime after = transition.getDateTimeAfter();
        LocalDateTime from = transition.isGap() ? before : after;
        LocalDateTime to = transition.isGap() ? after : before;
        for (LocalDate date = from.toLocalDate(); !date.isAfter(to.toLocalDate()); date = date.plusDays(1)) {
            LocalDateTime at = date.atStartOfDay().plusMinutes(boundary.minute());
            if (!at.isBefore(from) && at.isBefore(to) && boundary.appliesOn().test(date)) {
                String time = Ranges.time(at.toLocalTime());
                String day = Ranges.day(at) + " " + date;
                String change = "clocks go " + (transition.isGap() ? "forward" : "back") + " from "
                        + Ranges.time(before.toLocalTime()) + " to " + Ranges.time(after.toLocalTime());
                String message = boundary.subject() + " " + boundary.verb() + " at " + time + " "
                        + boundary.zone().getId() + ", a time that "
                        + (transition.isGap() ? "does not exist on " + day + " (" + change + "): that day it "
                        + boundary.verb() + " at " + Ranges.time(after.toLocalTime())
                        + " instead."
                        : "happens twice on " + day + " (" + change + "): that day calls in the repeated hour may"
                        + " get a different answer than you expect.");
                ObjectNode details = Findings.NODES.objectNode().put("zone", boundary.zone().getId())
                        .put("date", date.toString()).put("time", time)
                        .put("transition", transition.isGap() ? "gap" : "overlap");
                return boundary.rule() != null ? Findings.warning("dst", message, boundary.rule(), details)
                        : Findings.warning("dst", message, boundary.ruleSet(), null, details);
            }
        }
        return null;
    }
}
