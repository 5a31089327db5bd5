package io.callroute.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.publishing.Finding;
import io.callroute.rules.Alternative;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.PropertyCondition;
import io.callroute.rules.RankedRule;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Analyses a rule base by reasoning over its conditions: for every number the rules name, the first answer and
 * every menu callers can reach are each split into classes of calls (time intervals × the values rules tell apart)
 * and every class is evaluated once — exhaustive, not sampled. See docs/ANALYSIS.md for what is and is not analysed.
 */
public final class RuleSetAnalyzer {

    /** Classes evaluated for one entry at most; beyond, the entry is reported as not analysed. */
    static final long MAX_CLASSES_PER_ENTRY = 50_000;
    /** Classes evaluated for the whole rule base at most, so a publish never waits long on the analysis. */
    static final long MAX_CLASSES = 150_000;

    private final Clock clock;

    public RuleSetAnalyzer(Clock clock) {
        this.clock = clock;
    }

    public AnalysisReport analyze(CompiledRules rules) {
        return analyze(rules, Map.of());
    }

    /** @param defaultZones each rule set's {@code defaultZone}, for entries whose rules say nothing about time */
    public AnalysisReport analyze(CompiledRules rules, Map<String, ZoneId> defaultZones) {
        return new Pass(new EntryPlanner(rules, clock, defaultZones)).run();
    }

    /** The numbers the rules name exactly, each as the entry of its first answer, in the order rules name them. */
    static List<Entry> numbers(CompiledRules rules) {
        Set<Entry> numbers = new java.util.LinkedHashSet<>();
        for (RankedRule rule : rules.rules()) {
            for (PropertyCondition condition : rule.rule().when().properties()) {
                if (EntryPlanner.NUMBER_PROPERTIES.contains(condition.property())) {
                    condition.alternatives().stream().filter(a -> a.kind() == Alternative.Kind.EXACT)
                            .forEach(a -> numbers.add(new Entry(condition.property(), a.value(), null)));
                }
            }
        }
        return new ArrayList<>(numbers);
    }

    /** One analysis: the state shared by the entries of one rule base. */
    private final class Pass {

        private final EntryPlanner planner;
        private final CompiledRules rules;
        private final List<Finding> findings = new ArrayList<>();
        private final List<EntryRun> runs = new ArrayList<>();
        private final List<AnalysisReport.EntrySummary> summaries = new ArrayList<>();
        private final Set<Integer> notFullyAnalysed = new HashSet<>();
        private long budget = MAX_CLASSES;

        Pass(EntryPlanner planner) {
            this.planner = planner;
            this.rules = planner.rules();
        }

        AnalysisReport run() {
            for (Entry number : numbers(rules)) {
                List<RankedRule> own = planner.candidates(number).stream()
                        .filter(rule -> EntryPlanner.names(rule, number.numberProperty(), number.number())).toList();
                Map<String, RankedRule> entered = new LinkedHashMap<>();
                if (!own.isEmpty()) {
                    analyseNumber(List.of(number), entered);
                }
            }
            Map<String, RankedRule> globalMenus = new LinkedHashMap<>();
            for (RankedRule rule : rules.rules()) {
                if (!EntryPlanner.namesANumber(rule) && rule.rule().nextMenu() != null) {
                    globalMenus.putIfAbsent(rule.rule().nextMenu(), rule);
                }
            }
            if (!globalMenus.isEmpty()) {
                analyseNumber(globalMenus.keySet().stream().map(menu -> new Entry(null, null, menu)).toList(),
                        new LinkedHashMap<>(globalMenus));
            }
            findings.addAll(RankFindings.of(rules, runs, notFullyAnalysed));
            findings.addAll(DstFindings.of(rules, clock.instant()));
            findings.sort(Comparator.comparing(Finding::severity));
            return new AnalysisReport(findings, summaries);
        }

        /** The entries of one number: its first answer, then every menu a winning rule sends callers to. */
        private void analyseNumber(List<Entry> start, Map<String, RankedRule> entered) {
            Deque<Entry> queue = new ArrayDeque<>(start);
            Set<String> seen = new HashSet<>();   // menus queued; the first answer has none
            start.stream().filter(entry -> !entry.firstRound()).forEach(entry -> seen.add(entry.menu()));
            Map<String, EntryRun> menus = new LinkedHashMap<>();
            while (!queue.isEmpty()) {
                Entry entry = queue.removeFirst();
                EntryRun run = evaluate(entry);
                if (run == null) {
                    continue;
                }
                if (!entry.firstRound()) {
                    menus.put(entry.menu(), run);
                }
                for (RankedRule winner : run.winners) {
                    String next = winner.rule().nextMenu();
                    if (next != null && seen.add(next)) {
                        entered.putIfAbsent(next, winner);
                        queue.addLast(new Entry(entry.numberProperty(), entry.number(), next));
                    }
                }
                if (run.covered > 0 || entry.firstRound()) {
                    findings.addAll(GapFindings.of(run, owner(run)));
                }
            }
            findings.addAll(MenuExits.of(menus, entered));
        }

        private EntryRun evaluate(Entry entry) {
            EntryRun run = planner.plan(entry);
            long size = run.size();
            if (size > MAX_CLASSES_PER_ENTRY || size > budget) {
                run.candidates.forEach(rule -> notFullyAnalysed.add(rule.rank()));
                ObjectNode details = Findings.entry(entry);
                details.put("classes", size);
                findings.add(Findings.warning("incomplete", entry.subject() + " were not analysed: their rules"
                        + " tell apart " + size + " classes of calls, more than the analysis looks at ("
                        + Math.min(MAX_CLASSES_PER_ENTRY, budget) + "). Gaps, overlaps and shadowed rules there are"
                        + " not reported.", owner(run), details));
                summaries.add(new AnalysisReport.EntrySummary(entry, run.zone.getId(), 0, 0, false, List.of()));
                return null;
            }
            budget -= size;
            run.run();
            runs.add(run);
            summaries.add(new AnalysisReport.EntrySummary(entry, run.zone.getId(), run.cells, run.covered, true,
                    run.winners.stream().map(RankedRule::qualifiedName).toList()));
            return run;
        }

        /** The rule a finding about an entry is filed under: the first of the entry's own rules. */
        private RankedRule owner(EntryRun run) {
            Entry entry = run.entry;
            return run.candidates.stream().filter(rule -> entry.number() == null
                    || EntryPlanner.names(rule, entry.numberProperty(), entry.number())).findFirst()
                    .orElse(run.candidates.isEmpty() ? null : run.candidates.get(0));
        }
    }
}
