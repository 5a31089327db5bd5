package io.callroute.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.analysis.EntryRun.Cell;
import io.callroute.analysis.TimeAxis.Interval;
import io.callroute.publishing.Finding;
import io.callroute.rules.Alternative;
import io.callroute.rules.PropertyCondition;
import io.callroute.rules.RankedRule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the classes no rule answers into findings: a {@code gap} (error) per group of callers with the same
 * uncovered times, and for menus an {@code unhandled_key} warning for single keys no rule handles when some keys
 * have rules of their own.
 */
final class GapFindings {

    private static final int MAX_GAP_FINDINGS_PER_ENTRY = 5;
    private static final int MAX_RANGES_IN_MESSAGE = 6;

    private GapFindings() {
    }

    static List<Finding> of(EntryRun run, RankedRule owner) {
        List<Finding> findings = new ArrayList<>();
        int dtmf = run.entry.firstRound() ? -1 : run.dimensionIndex("dtmf");
        Set<String> unhandledKeys = new TreeSet<>(GapFindings::keyOrder);
        Map<String, List<Interval>> byCombo = new LinkedHashMap<>();
        Map<String, int[]> combos = new LinkedHashMap<>();
        for (Cell cell : run.gaps) {
            if (dtmf >= 0) {
                String key = run.dimensions.get(dtmf).values().get(cell.combo()[dtmf]).value();
                if (key != null && Dimensions.KEYS.contains(key)) {
                    unhandledKeys.add(key);
                    continue;
                }
            }
            if (cell.interval().dated() && uncoveredInOrdinaryWeek(run, cell)) {
                continue;   // the weekly ranges already say it
            }
            String id = Arrays.toString(cell.combo());
            combos.putIfAbsent(id, cell.combo());
            byCombo.computeIfAbsent(id, k -> new ArrayList<>()).add(cell.interval());
        }
        Map<String, List<int[]>> byRanges = new LinkedHashMap<>();
        Map<String, List<String>> rangeLists = new LinkedHashMap<>();
        byCombo.forEach((id, intervals) -> {
            List<String> ranges = ranges(run, intervals);
            String text = String.join(", ", ranges);
            rangeLists.putIfAbsent(text, ranges);
            byRanges.computeIfAbsent(text, k -> new ArrayList<>()).add(combos.get(id));
        });
        for (Map.Entry<String, List<int[]>> group : byRanges.entrySet()) {
            if (findings.size() == MAX_GAP_FINDINGS_PER_ENTRY) {
                break;
            }
            List<String> ranges = rangeLists.get(group.getKey());
            String callers = callers(run, group.getValue());
            String when = ranges.equals(List.of("at any time")) ? "at any time"
                    : "on " + String.join(", ", ranges.subList(0, Math.min(ranges.size(), MAX_RANGES_IN_MESSAGE)))
                    + (ranges.size() > MAX_RANGES_IN_MESSAGE ? " and " + (ranges.size() - MAX_RANGES_IN_MESSAGE)
                    + " more" : "") + " " + run.zone.getId();
            String message = run.entry.subject() + (callers.isEmpty() ? "" : " (" + callers + ")")
                    + " get no answer from any rule " + when + ": the caller hears the fallback message.";
            ObjectNode details = Findings.entry(run.entry);
            details.put("zone", run.zone.getId());
            details.set("ranges", Findings.strings(ranges));
            details.put("callers", callers.isEmpty() ? null : callers);
            findings.add(Findings.error("gap", message, owner, details));
        }
        if (!unhandledKeys.isEmpty() && handlesSomeKey(run)) {
            String keys = String.join(", ", unhandledKeys);
            ObjectNode details = Findings.entry(run.entry);
            details.set("keys", Findings.strings(new ArrayList<>(unhandledKeys)));
            findings.add(Findings.warning("unhandled_key", "Menu " + run.entry.menu() + " of "
                    + run.entry.numberText() + " has no rule for key" + (unhandledKeys.size() == 1 ? " " : "s ")
                    + keys + ": callers who press " + (unhandledKeys.size() == 1 ? "it" : "one of them")
                    + " hear the fallback. Add a rule with dtmf: any to catch keys that are not an option.",
                    owner, details));
        }
        return findings;
    }

    /** The uncovered intervals as merged, readable ranges in the entry's zone. */
    private static List<String> ranges(EntryRun run, List<Interval> intervals) {
        List<Interval> weekly = intervals.stream().filter(interval -> !interval.dated()).toList();
        List<Interval> dated = intervals.stream().filter(Interval::dated).toList();
        List<Interval> mergedWeekly = Ranges.merge(weekly, run.weekStart, run.weekEnd);
        List<String> ranges = new ArrayList<>();
        if (Ranges.wholeWeek(mergedWeekly, run.weekStart, run.weekEnd)) {
            ranges.add("at any time");
        } else {
            mergedWeekly.forEach(range -> ranges.add(Ranges.describe(range, run.zone)));
        }
        Ranges.merge(dated, Instant.MIN, Instant.MAX).forEach(range -> ranges.add(Ranges.describe(range, run.zone)));
        if (ranges.size() > 1) {
            ranges.remove("at any time");
            if (Ranges.wholeWeek(mergedWeekly, run.weekStart, run.weekEnd)) {
                return List.of("at any time");
            }
        }
        return ranges;
    }

    /** Whether the same class at the same weekday and local time of the ordinary week is also uncovered. */
    private static boolean uncoveredInOrdinaryWeek(EntryRun run, Cell cell) {
        LocalDateTime local = LocalDateTime.ofInstant(cell.interval().start(), run.zone);
        LocalDate monday = LocalDate.ofInstant(run.weekStart, run.zone);
        LocalDateTime same = monday.plusDays(local.getDayOfWeek().getValue() - 1L).atTime(local.toLocalTime());
        Instant instant = ZonedDateTime.ofLocal(same, run.zone, null).toInstant();
        return run.answer(cell.combo(), instant) == null;
    }

    /** The callers a group of classes stands for; empty when it is every caller. */
    private static String callers(EntryRun run, List<int[]> combos) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < run.dimensions.size(); i++) {
            Dimension dimension = run.dimensions.get(i);
            Set<Integer> used = new LinkedHashSet<>();
            for (int[] combo : combos) {
                used.add(combo[i]);
            }
            if (used.size() < dimension.values().size()) {
                parts.add(String.join(" or ", used.stream().map(index -> dimension.values().get(index).label())
                        .toList()));
            }
        }
        return String.join("; ", parts);
    }

    /** Whether a rule of the menu names keys of its own (not only "any" or "none"). */
    private static boolean handlesSomeKey(EntryRun run) {
        for (RankedRule rule : run.candidates) {
            for (PropertyCondition condition : rule.rule().when().properties()) {
                if (condition.property().equals("dtmf") && condition.alternatives().stream()
                        .anyMatch(alternative -> alternative.kind() != Alternative.Kind.ABSENT
                                && alternative.kind() != Alternative.Kind.PRESENT)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int keyOrder(String a, String b) {
        return Integer.compare(Dimensions.KEYS.indexOf(a), Dimensions.KEYS.indexOf(b));
    }
}
