package io.callroute.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.actions.StepTemplate;
import io.callroute.publishing.Finding;
import io.callroute.rules.RankedRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds menus callers cannot leave ({@code no_way_out}, an error): a menu a rule sends callers to where no rule
 * answers at all, and menus whose every answer leads back into menus of the same kind — no answer ends the menu,
 * hangs up or connects the caller.
 */
final class MenuExits {

    private static final Set<String> ENDING_ACTIONS = Set.of("hangup", "makeCall");

    private MenuExits() {
    }

    /**
     * @param menus   the runs of one number's menus (reachable ones), by menu
     * @param entered for each menu, the first rule that sends callers there
     */
    static List<Finding> of(Map<String, EntryRun> menus, Map<String, RankedRule> entered) {
        List<Finding> findings = new ArrayList<>();
        Map<String, EntryRun> answered = new LinkedHashMap<>();
        menus.forEach((menu, run) -> {
            if (run.covered == 0) {
                RankedRule sender = entered.get(menu);
                ObjectNode details = Findings.entry(run.entry);
                findings.add(Findings.error("no_way_out", "Rule " + sender.qualifiedName() + " sends callers of "
                        + run.entry.numberText() + " to menu " + menu + ", but no rule answers in that menu: whatever"
                        + " the caller does next gets the fallback message.", sender, details));
            } else {
                answered.put(menu, run);
            }
        });
        Set<String> canLeave = new LinkedHashSet<>();
        answered.forEach((menu, run) -> {
            if (run.winners.stream().anyMatch(rule -> leaves(rule, answered))) {
                canLeave.add(menu);
            }
        });
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, EntryRun> menu : answered.entrySet()) {
                if (!canLeave.contains(menu.getKey()) && menu.getValue().winners.stream()
                        .anyMatch(rule -> canLeave.contains(rule.rule().nextMenu()))) {
                    canLeave.add(menu.getKey());
                    grew = true;
                }
            }
        }
        answered.forEach((menu, run) -> {
            if (!canLeave.contains(menu)) {
                Set<String> loops = new LinkedHashSet<>();
                run.winners.forEach(rule -> loops.add(rule.rule().nextMenu()));
                RankedRule first = run.winners.iterator().next();
                ObjectNode details = Findings.entry(run.entry);
                details.set("leadsTo", Findings.strings(new ArrayList<>(loops)));
                findings.add(Findings.error("no_way_out", "Callers of " + run.entry.numberText() + " in menu " + menu
                        + " can never leave it: every answer there (" + Findings.names(new ArrayList<>(run.winners))
                        + ") leads to menu " + String.join(" or ", loops) + " again, and none ends the call, connects"
                        + " the caller or leaves the menu.", first, details));
            }
        });
        return findings;
    }

    /** Whether answering with the rule takes the caller out of the menus: no next menu, a hang-up or a bridge. */
    static boolean leaves(RankedRule rule, Map<String, EntryRun> menus) {
        String next = rule.rule().nextMenu();
        return next == null || !menus.containsKey(next)
                || rule.rule().steps().stream().map(StepTemplate::providerId).anyMatch(ENDING_ACTIONS::contains);
    }
}
