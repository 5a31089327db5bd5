package io.callroute.analysis;

import io.callroute.analysis.TimeAxis.Interval;
import io.callroute.facts.Schedule;
import io.callroute.rules.Alternative;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.Conditions;
import io.callroute.rules.ConditionEvaluator;
import io.callroute.rules.PropertyCondition;
import io.callroute.rules.RankedRule;
import io.callroute.rules.ScheduleCondition;
import io.callroute.rules.Situation;
import io.callroute.rules.TimeWindow;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prepares the evaluation of one entry: which rules can apply to it, the dimensions and their classes, the zone it
 * is read in, an ordinary week to analyse (no holiday or dated window in it, no DST change if one can be found) and
 * the dated days of the next twelve months, each analysed on its own.
 */
final class EntryPlanner {

    static final List<String> NUMBER_PROPERTIES = List.of("virtualNumberRef", "virtualNumber", "destination");
    private static final int DATED_DAYS_AHEAD = 366;
    private static final int MAX_DATED_DAYS = 60;

    private final CompiledRules rules;
    private final Moments moments;
    private final Clock clock;
    private final Map<String, ZoneId> defaultZones;

    /**
     * @param defaultZones the {@code defaultZone} of each rule set that declares one, for entries whose rules say
     *                     nothing about time
     */
    EntryPlanner(CompiledRules rules, Clock clock, Map<String, ZoneId> defaultZones) {
        this.rules = rules;
        this.moments = new Moments(rules);
        this.clock = clock;
        this.defaultZones = Map.copyOf(defaultZones);
    }

    CompiledRules rules() {
        return rules;
    }

    /** The run for an entry over an ordinary week and its dated days, read in the entry's own zone. */
    EntryRun plan(Entry entry) {
        List<RankedRule> candidates = candidates(entry);
        ZoneId zone = zone(entry, candidates);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        TreeSet<LocalDate> dated = datedDays(candidates, today);
        LocalDate monday = ordinaryWeek(zone, today, dated);
        Instant weekStart = monday.atStartOfDay(zone).toInstant();
        Instant weekEnd = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
        Set<ZoneId> zones = zones(candidates, zone);
        Set<Integer> minutes = minutes(candidates);
        List<Interval> intervals = new ArrayList<>(TimeAxis.intervals(weekStart, weekEnd, zones, minutes, false));
        for (LocalDate date : dated) {
            if (date.isBefore(monday) || !date.isBefore(monday.plusWeeks(1))) {
                intervals.addAll(TimeAxis.intervals(date.atStartOfDay(zone).toInstant(),
                        date.plusDays(1).atStartOfDay(zone).toInstant(), zones, minutes, true));
            }
        }
        return new EntryRun(entry, candidates, Dimensions.forEntry(entry, candidates, maskingRelevant(entry,
                candidates)), zone, weekStart, weekEnd, intervals, moments);
    }

    /** The run for an entry read in a given zone, for the calendar (no intervals: it asks about instants). */
    EntryRun plan(Entry entry, ZoneId zone) {
        List<RankedRule> candidates = candidates(entry);
        return new EntryRun(entry, candidates, Dimensions.forEntry(entry, candidates, maskingRelevant(entry,
                candidates)), zone, Instant.EPOCH, Instant.EPOCH, List.of(), moments);
    }

    /** The zone an entry is read in: its rules' first zone, else its rule set's default zone, else UTC. */
    ZoneId zone(Entry entry) {
        return zone(entry, candidates(entry));
    }

    /** The rules that can answer the entry: nothing they ask of the number, stage or menu rules it out. */
    List<RankedRule> candidates(Entry entry) {
        Map<String, String> fixed = new java.util.HashMap<>();
        fixed.put("callStatus", entry.callStatus());
        if (entry.numberProperty() != null) {
            fixed.put(entry.numberProperty(), entry.number());
        }
        if (entry.menu() != null) {
            fixed.put("menu", entry.menu());
        }
        Situation situation = new Situation(fixed, Map.of(), Map.of(), null, false, Map.of());
        List<RankedRule> candidates = new ArrayList<>();
        for (RankedRule rule : rules.rules()) {
            List<PropertyCondition> onFixed = rule.rule().when().properties().stream()
                    .filter(condition -> condition.property().equals("callStatus")
                            || condition.property().equals("menu")
                            || condition.property().equals(entry.numberProperty()))
                    .toList();
            if (ConditionEvaluator.matches(new Conditions(onFixed, List.of(), List.of(), null, List.of()), situation)) {
                candidates.add(rule);
            }
        }
        return candidates;
    }

    /** Whether the rule names the number exactly. */
    static boolean names(RankedRule rule, String property, String number) {
        return rule.rule().when().properties().stream().anyMatch(condition -> condition.property().equals(property)
                && condition.alternatives().stream().anyMatch(alternative ->
                alternative.kind() == Alternative.Kind.EXACT && alternative.value().equals(number)));
    }

    /** Whether the rule says anything about a number. */
    static boolean namesANumber(RankedRule rule) {
        return rule.rule().when().properties().stream()
                .anyMatch(condition -> NUMBER_PROPERTIES.contains(condition.property()));
    }

    private boolean maskingRelevant(Entry entry, List<RankedRule> candidates) {
        // A number is taken to be no masking number unless its own rules ask about masking: masking sessions are
        // data, and the global masking rules would otherwise seem to answer (and tie with) every number's rules.
        return candidates.stream().filter(rule -> entry.number() == null
                        || names(rule, entry.numberProperty(), entry.number()))
                .anyMatch(rule -> rule.rule().when().masking() != null);
    }

    private ZoneId zone(Entry entry, List<RankedRule> candidates) {
        List<RankedRule> ordered = new ArrayList<>();
        candidates.stream().filter(rule -> entry.number() != null && names(rule, entry.numberProperty(),
                entry.number())).forEach(ordered::add);
        ordered.addAll(candidates);
        for (RankedRule rule : ordered) {
            for (TimeWindow window : rule.rule().when().windows()) {
                if (!Moments.isParty(window.zoneKey())) {
                    return ZoneId.of(window.zoneKey());
                }
            }
            for (ScheduleCondition condition : rule.rule().when().schedules()) {
                Schedule schedule = rules.schedules().get(condition.schedule());
                if (schedule != null && !Moments.isParty(schedule.zoneKey())) {
                    return ZoneId.of(schedule.zoneKey());
                }
            }
        }
        if (!entry.firstRound()) {
            // A menu says nothing about time as a rule: read it in the zone of the number's first answer.
            Entry first = new Entry(entry.numberProperty(), entry.number(), null);
            return zone(first, candidates(first));
        }
        for (RankedRule rule : ordered) {
            ZoneId declared = defaultZones.get(rule.ruleSet());
            if (declared != null) {
                return declared;
            }
        }
        return ZoneId.of("UTC");
    }

    private TreeSet<LocalDate> datedDays(List<RankedRule> candidates, LocalDate today) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (RankedRule rule : candidates) {
            for (TimeWindow window : rule.rule().when().windows()) {
                window.dates().forEach(date -> dates.add(LocalDate.parse(date)));
            }
            for (ScheduleCondition condition : rule.rule().when().schedules()) {
                Schedule schedule = rules.schedules().get(condition.schedule());
                if (schedule != null) {
                    dates.addAll(schedule.holidays());
                    dates.addAll(schedule.closures());
                    dates.addAll(schedule.specialHours().keySet());
                }
            }
        }
        TreeSet<LocalDate> ahead = new TreeSet<>(dates.subSet(today, true, today.plusDays(DATED_DAYS_AHEAD), true));
        while (ahead.size() > MAX_DATED_DAYS) {
            ahead.pollLast();
        }
        return ahead;
    }

    /** The first week from today without dated days and, where possible, without a DST change in the zone. */
    private static LocalDate ordinaryWeek(ZoneId zone, LocalDate today, Set<LocalDate> dated) {
        LocalDate first = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        for (int week = 0; week < 53; week++) {
            LocalDate monday = first.plusWeeks(week);
            boolean hasDated = dated.stream().anyMatch(date -> !date.isBefore(monday.minusDays(1))
                    && date.isBefore(monday.plusDays(8)));
            var transition = zone.getRules().nextTransition(monday.atStartOfDay(zone).toInstant());
            boolean hasDst = transition != null
                    && transition.getInstant().isBefore(monday.plusWeeks(1).atStartOfDay(zone).toInstant());
            if (!hasDated && !hasDst) {
                return monday;
            }
        }
        return first;
    }

    private Set<ZoneId> zones(List<RankedRule> candidates, ZoneId zone) {
        Set<ZoneId> zones = new LinkedHashSet<>();
        zones.add(zone);
        for (RankedRule rule : candidates) {
            for (TimeWindow window : rule.rule().when().windows()) {
                zones.add(Moments.zoneOf(window.zoneKey(), zone));
            }
        }
        for (Schedule schedule : rules.schedules().values()) {
            zones.add(Moments.zoneOf(schedule.zoneKey(), zone));
        }
        return zones;
    }

    private Set<Integer> minutes(List<RankedRule> candidates) {
        Set<Integer> minutes = new TreeSet<>();
        minutes.add(0);
        for (RankedRule rule : candidates) {
            for (TimeWindow window : rule.rule().when().windows()) {
                minutes.add(window.from());
                minutes.add(window.to() % (24 * 60));
            }
        }
        for (Schedule schedule : rules.schedules().values()) {
            for (Schedule.Hours hours : schedule.hours()) {
                minutes.add(hours.from());
                minutes.add(hours.to() % (24 * 60));
            }
            schedule.specialHours().values().forEach(list -> list.forEach(hours -> {
                minutes.add(hours.from());
                minutes.add(hours.to() % (24 * 60));
            }));
        }
        return minutes;
    }
}
