package io.callroute.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.analysis.EntryRun.Tie;
import io.callroute.publishing.Finding;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.RankedRule;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules that never win ({@code shadowed}): wherever they match, a better-ranked rule matches too; and rules of equal
 * priority that both match somewhere ({@code overlap}), where only the order they are written in decides.
 */
final class RankFindings {

    private RankFindings() {
    }

    static List<Finding> of(CompiledRules rules, List<EntryRun> runs, Set<Integer> notFullyAnalysed) {
        Map<Integer, int[]> tally = new HashMap<>();
        Map<Integer, Set<Integer>> beatenBy = new HashMap<>();
        Map<String, Tie> ties = new LinkedHashMap<>();
        Map<String, EntryRun> tieRuns = new HashMap<>();
        for (EntryRun run : runs) {
            run.tally.forEach((rank, counts) -> {
                int[] total = tally.computeIfAbsent(rank, k -> new int[2]);
                total[0] += counts[0];
                total[1] += counts[1];
            });
            run.beatenBy.forEach((rank, winners) -> beatenBy.computeIfAbsent(rank, k -> new LinkedHashSet<>())
                    .addAll(winners));
            run.ties.forEach((key, tie) -> {
                if (ties.putIfAbsent(key, tie) == null) {
                    tieRuns.put(key, run);
                }
            });
        }
        List<Finding> findings = new ArrayList<>();
        for (RankedRule rule : rules.rules()) {
            int[] counts = tally.get(rule.rank());
            if (counts == null || counts[1] > 0 || notFullyAnalysed.contains(rule.rank())) {
                continue;
            }
            List<RankedRule> winners = beatenBy.getOrDefault(rule.rank(), Set.of()).stream()
                    .map(rank -> rules.rules().get(rank)).toList();
            ObjectNode details = Findings.NODES.objectNode();
            details.set("shadowedBy", Findings.strings(winners.stream().map(RankedRule::qualifiedName).toList()));
            findings.add(Findings.warning("shadowed", "Rule " + rule.qualifiedName() + " can never answer a call:"
                    + " whenever it matches, " + describe(winners) + (winners.size() == 1 ? " matches too and wins"
                    : " match too and win") + ". Raise its priority, narrow the other rule, or remove it.",
                    rule, details));
        }
        Set<String> reported = new HashSet<>();
        ties.forEach((key, tie) -> {
            if (!reported.add(key)) {
                return;
            }
            EntryRun run = tieRuns.get(key);
            LocalDateTime local = LocalDateTime.ofInstant(tie.example().interval().start(), run.zone);
            ObjectNode details = Findings.entry(run.entry);
            details.put("first", tie.first().qualifiedName()).put("second", tie.second().qualifiedName())
                    .put("example", Ranges.day(local) + " " + local.toLocalDate() + " " + Ranges.time(
                            local.toLocalTime()) + " " + run.zone.getId());
            findings.add(Findings.warning("overlap", "Rules " + tie.first().qualifiedName() + " and "
                    + tie.second().qualifiedName() + " have the same priority (" + tie.first().rule().priority()
                    + ") and both answer " + run.entry.subject().substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                    + run.entry.subject().substring(1) + " (e.g. on " + Ranges.day(local) + " at "
                    + Ranges.time(local.toLocalTime()) + " " + run.zone.getId() + "): " + tie.first().qualifiedName()
                    + " answers because it comes first. Give one of them a higher priority to say which should win.",
                    tie.second(), details));
        });
        return findings;
    }

    private static String describe(List<RankedRule> winners) {
        List<String> names = winners.stream().map(rule -> rule.qualifiedName() + " (priority "
                + rule.rule().priority() + ")").toList();
        return names.size() == 1 ? names.get(0) : String.join(" or ", names);
    }
}
