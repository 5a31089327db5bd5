package io.callroute.rules;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One slice of the rule base in its own Drools {@link KieBase}: the rules of one rule set that can match calls to
 * the same few numbers (or the set's rules that are not pinned to a number). A call runs only the partitions that
 * can match it, and a publish rebuilds only the partitions whose DRL changed.
 */
final class RulePartition {

    /** Idle sessions kept per partition: about the decision threads that use it at once (the pool has 4). */
    private static final int IDLE_SESSIONS = 16;

    private final String name;
    private final String drl;
    private final KieBase kieBase;
    private final int[] ranks;
    private final BlockingQueue<KieSession> idle = new ArrayBlockingQueue<>(IDLE_SESSIONS);

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

    /**
     * Fires the partition's rules on {@code facts}, adding the ranks of those that match to {@code matches}.
     *
     * <p>Sessions are reused: creating one per event made Drools build node and segment memory for every rule each
     * time. After firing, the event's facts are deleted — the call facts first, so no rule can become active on the
     * way — and the emptied session goes back to the idle queue; a session that failed is disposed instead.
     */
    void collect(List<Object> facts, MatchCollector matches) {
        KieSession session = idle.poll();
        if (session == null) {
            session = kieBase.newKieSession();
        }
        boolean reusable = false;
        try {
            matches.scope(ranks);
            session.setGlobal(DrlWriter.GLOBAL, matches);
            FactHandle[] handles = new FactHandle[facts.size()];
            for (int i = 0; i < handles.length; i++) {
                handles[i] = session.insert(facts.get(i));
            }
            session.fireAllRules();
            for (FactHandle handle : handles) {
                session.delete(handle);
            }
            reusable = true;
        } finally {
            if (!reusable || !idle.offer(session)) {
                session.dispose();
            }
        }
    }
}
