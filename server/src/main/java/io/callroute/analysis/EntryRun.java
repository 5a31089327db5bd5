package io.callroute.analysis;

import io.callroute.analysis.Dimension.Value;
import io.callroute.analysis.TimeAxis.Interval;
import io.callroute.rules.ConditionEvaluator;
import io.callroute.rules.RankedRule;
import io.callroute.rules.Situation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every class of call for one entry evaluated once: each time interval × each combination of the other dimensions'
 * classes. Records which rule answers where, the combinations no rule answers, which rules matched but lost (and to
 * whom), and ties between rules of equal priority.
 */
final class EntryRun {

    /** One evaluated class: the class index of each dimension, and the time interval. */
    record Cell(int[] combo, Interval interval) {
    }

    /** Two rules of equal priority that both matched where the first one won. */
    record Tie(RankedRule first, RankedRule second, Cell example) {
    }

    private static final int MAX_KEPT_GAPS = 20_000;

    final Entry entry;
    final List<RankedRule> candidates;
    final List<Dimension> dimensions;
    final ZoneId zone;
    final Instant weekStart;
    final Instant weekEnd;
    final List<Interval> intervals;
    private final Moments moments;

    int cells;
    int covered;
    final List<Cell> gaps = new ArrayList<>();
    /** rank → [times matched, times won]. */
    final Map<Integer, int[]> tally = new HashMap<>();
    /** rank → the ranks that won where it matched and lost. */
    final Map<Integer, Set<Integer>> beatenBy = new HashMap<>();
    final Map<String, Tie> ties = new LinkedHashMap<>();
    final Set<RankedRule> winners = new LinkedHashSet<>();

    EntryRun(Entry entry, List<RankedRule> candidates, List<Dimension> dimensions, ZoneId zone, Instant weekStart,
             Instant weekEnd, List<Interval> intervals, Moments moments) {
        this.entry = entry;
        this.candidates = List.copyOf(candidates);
        this.dimensions = List.copyOf(dimensions);
        this.zone = zone;
        this.weekStart = weekStart;
        this.weekEnd = weekEnd;
        this.intervals = List.copyOf(intervals);
        this.moments = moments;
    }

    /** How many cells the run evaluates. */
    long size() {
        return combos() * intervals.size();
    }

    /** How many combinations of classes there are. */
    long combos() {
        long combos = 1;
        for (Dimension dimension : dimensions) {
            combos *= dimension.values().size();
        }
        return combos;
    }

    void run() {
        for (Interval interval : intervals) {
            Moments.Moment moment = moments.at(interval.start(), zone);
            int[] combo = new int[dimensions.size()];
            do {
                evaluate(new Cell(combo.clone(), interval), moment);
            } while (next(combo));
        }
    }

    private void evaluate(Cell cell, Moments.Moment moment) {
        cells++;
        List<RankedRule> matched = matching(cell.combo(), moment);
        if (matched.isEmpty()) {
            if (gaps.size() < MAX_KEPT_GAPS) {
                gaps.add(cell);
            }
            return;
        }
        covered++;
        RankedRule winner = matched.get(0);
        winners.add(winner);
        for (RankedRule rule : matched) {
            int[] counts = tally.computeIfAbsent(rule.rank(), k -> new int[2]);
            counts[0]++;
            if (rule == winner) {
                counts[1]++;
            } else {
                beatenBy.computeIfAbsent(rule.rank(), k -> new LinkedHashSet<>()).add(winner.rank());
                if (rule.rule().priority() == winner.rule().priority()) {
                    ties.putIfAbsent(winner.qualifiedName() + " " + rule.qualifiedName(), new Tie(winner, rule, cell));
                }
            }
        }
    }

    /** The candidate rules that match a class at a moment, best rank first. */
    List<RankedRule> matching(int[] combo, Moments.Moment moment) {
        Situation situation = situation(combo, moment);
        List<RankedRule> matched = new ArrayList<>(2);
        for (RankedRule rule : candidates) {
            if (ConditionEvaluator.matches(rule.rule().when(), situation)) {
                matched.add(rule);
            }
        }
        return matched;
    }

    /** The best-ranked rule answering a class at an instant, or null. */
    RankedRule answer(int[] combo, Instant instant) {
        return answer(combo, moment(instant));
    }

    RankedRule answer(int[] combo, Moments.Moment moment) {
        List<RankedRule> matched = matching(combo, moment);
        return matched.isEmpty() ? null : matched.get(0);
    }

    Moments.Moment moment(Instant instant) {
        return moments.at(instant, zone);
    }

    Situation situation(int[] combo, Moments.Moment moment) {
        Map<String, String> properties = new HashMap<>();
        properties.put("callStatus", entry.callStatus());
        if (entry.numberProperty() != null) {
            properties.put(entry.numberProperty(), entry.number());
        }
        if (entry.menu() != null) {
            properties.put("menu", entry.menu());
        }
        Map<String, String> facts = new HashMap<>();
        String maskingState = null;
        boolean greeting = false;
        for (int i = 0; i < dimensions.size(); i++) {
            Dimension dimension = dimensions.get(i);
            String value = dimension.values().get(combo[i]).value();
            if (value == null) {
                continue;
            }
            switch (dimension.kind()) {
                case PROPERTY -> properties.put(dimension.name(), value);
                case FACT -> facts.put(dimension.name(), value);
                case MASKING -> {
                    greeting = value.endsWith("+greeting");
                    maskingState = greeting ? "LIVE" : value;
                }
            }
        }
        return new Situation(properties, moment.clocks(), moment.schedules(), maskingState, greeting, facts);
    }

    /** The "typical" class: any other value (or none) for every dimension, no masking. */
    int[] typicalCombo() {
        int[] combo = new int[dimensions.size()];
        for (int i = 0; i < dimensions.size(); i++) {
            List<Value> values = dimensions.get(i).values();
            int chosen = values.size() - 1;
            for (int j = 0; j < values.size(); j++) {
                if (values.get(j).other()) {
                    chosen = j;
                }
            }
            if (dimensions.get(i).kind() == Dimension.Kind.MASKING) {
                chosen = 0;
            }
            combo[i] = chosen;
        }
        return combo;
    }

    /** Every combination of classes, for the calendar's "does the answer vary with the caller" question. */
    List<int[]> allCombos() {
        List<int[]> all = new ArrayList<>();
        int[] combo = new int[dimensions.size()];
        do {
            all.add(combo.clone());
        } while (next(combo));
        return all;
    }

    int dimensionIndex(String name) {
        for (int i = 0; i < dimensions.size(); i++) {
            if (dimensions.get(i).name().equals(name) && dimensions.get(i).kind() == Dimension.Kind.PROPERTY) {
                return i;
            }
        }
        return -1;
    }

    private boolean next(int[] combo) {
        for (int i = combo.length - 1; i >= 0; i--) {
            if (++combo[i] < dimensions.get(i).values().size()) {
                return true;
            }
            combo[i] = 0;
        }
        return false;
    }
}
