package io.callroute.rules;

import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * One slice of the rule base in its own Drools {@link KieBase}: the rules of one rule set that can match calls to
 * the same few numbers (or the set's rules that are not pinned to a number). A call runs only the partitions that
 * can match it, and a publish rebuilds only the partitions whose DRL changed.
 */
final class RulePartition {

    private final String name;
    private final String drl;
    private final KieBase kieBase;
    private final int[] ranks;

    /**
     * @param name    for people: the rule set, and which group of its numbers
     * @param drl     what {@code kieBase} was built from
     * @param kieBase the compiled rules, possibly shared with earlier versions that had the same DRL
     * @param ranks   the global rank of the partition's rule {@code i}
     */
    RulePartition(String name, String drl, KieBase kieBase, int[] ranks) {
        this.name = name;
        this.drl = drl;
        this.kieBase = kieBase;
        this.ranks = ranks.clone();
    }

    String name() {
        return name;
    }

    String drl() {
        return drl;
    }

    KieBase kieBase() {
        return kieBase;
    }

    int ruleCount() {
        return ranks.length;
    }

    /** Fires the partition's rules on {@code facts}, adding the ranks of those that match to {@code matches}. */
    void collect(List<Object> facts, MatchCollector matches) {
        // A session per event costs a few microseconds and keeps events isolated (SPIKE-NOTES §2.4).
        KieSession session = kieBase.newKieSession();
        try {
            matches.scope(ranks);
            session.setGlobal(DrlWriter.GLOBAL, matches);
            for (Object fact : facts) {
                session.insert(fact);
            }
            session.fireAllRules();
        } finally {
            session.dispose();
        }
    }
}
