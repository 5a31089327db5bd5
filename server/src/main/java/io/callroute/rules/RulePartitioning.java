package io.callroute.rules;

import io.callroute.facts.CallAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cuts the ranked rules into partitions (ADR 9): per rule set, the rules that are not pinned to a number form one
 * partition, tried on every call; the pinned ones are spread over a power-of-two number of groups by their first
 * address, about {@value #TARGET_RULES} rules to a group. The cut depends only on the set's own rules, so a change
 * in one rule set — or in one group of a large set — leaves the other partitions' DRL, and so their compiled
 * KieBases, as they were.
 */
final class RulePartitioning {

    /** Rules per partition aimed at: big enough that Drools' fixed cost per build stays small, small enough to rebuild fast. */
    static final int TARGET_RULES = 250;

    /**
     * One partition before it is compiled.
     *
     * @param name      the rule set, with its group when the set is cut into several
     * @param rules     in rank order
     * @param addresses the addresses its rules are pinned to; empty when it is tried on every call
     */
    record Plan(String name, List<RankedRule> rules, Set<CallAddress> addresses) {

        boolean shared() {
            return addresses.isEmpty();
        }

        int[] ranks() {
            return rules.stream().mapToInt(RankedRule::rank).toArray();
        }
    }

    private RulePartitioning() {
    }

    /** @param ranked every rule, rank 0 first */
    static List<Plan> plan(List<RankedRule> ranked) {
        Map<String, List<RankedRule>> bySet = new LinkedHashMap<>();
        for (RankedRule rule : ranked) {
            bySet.computeIfAbsent(rule.ruleSet(), set -> new ArrayList<>()).add(rule);
        }
        List<Plan> plans = new ArrayList<>();
        bySet.forEach((set, rules) -> plans.addAll(cut(set, rules)));
        return plans;
    }

    private static List<Plan> cut(String set, List<RankedRule> rules) {
        List<RankedRule> unpinned = new ArrayList<>();
        List<RankedRule> pinned = new ArrayList<>();
        List<List<CallAddress>> pinnedTo = new ArrayList<>();
        for (RankedRule rule : rules) {
            Optional<List<CallAddress>> addresses = RuleAddress.of(rule.rule());
            if (addresses.isPresent()) {
                pinned.add(rule);
                pinnedTo.add(addresses.get());
            } else {
                unpinned.add(rule);
            }
        }
        List<Plan> plans = new ArrayList<>();
        if (!unpinned.isEmpty()) {
            plans.add(new Plan(pinned.isEmpty() ? set : set + " (any number)", unpinned, Set.of()));
        }
        int groups = groups(pinned.size());
        List<List<RankedRule>> members = new ArrayList<>();
        List<Set<CallAddress>> addresses = new ArrayList<>();
        for (int group = 0; group < groups; group++) {
            members.add(new ArrayList<>());
            addresses.add(new LinkedHashSet<>());
        }
        for (int i = 0; i < pinned.size(); i++) {
            // String.hashCode is specified, so a rule stays in its group across publishes and restarts.
            int group = Math.floorMod(pinnedTo.get(i).get(0).value().hashCode(), groups);
            members.get(group).add(pinned.get(i));
            addresses.get(group).addAll(pinnedTo.get(i));
        }
        for (int group = 0; group < groups; group++) {
            if (!members.get(group).isEmpty()) {
                String name = groups == 1 ? set : set + " (numbers group " + (group + 1) + " of " + groups + ")";
                plans.add(new Plan(name, members.get(group), addresses.get(group)));
            }
        }
        return plans;
    }

    /** The smallest power of two that keeps groups at about {@link #TARGET_RULES} rules. */
    private static int groups(int pinnedRules) {
        int wanted = Math.max(1, (pinnedRules + TARGET_RULES - 1) / TARGET_RULES);
        return Integer.highestOneBit(wanted) == wanted ? wanted : Integer.highestOneBit(wanted) << 1;
    }
}
