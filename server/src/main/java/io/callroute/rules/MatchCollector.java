package io.callroute.rules;

import java.util.BitSet;

/**
 * Collects which rules matched one event. Generated DRL passes it as a global ({@code matches.add(index)}) rather
 * than inserting a result fact, because a fact every rule joins on made each decision cost grow with the rule count
 * (SPIKE-NOTES §2.3). Each partition's DRL numbers its rules from 0, so that it does not change when rules elsewhere
 * change rank and its compiled KieBase can be reused; {@link #scope} says how this partition's numbers map to ranks.
 * One instance per event; not thread-safe.
 */
public final class MatchCollector {

    private final BitSet ranks = new BitSet();
    private int[] scope = new int[0];

    /** The partition about to fire: its rule {@code i} is rank {@code partitionRanks[i]}. */
    void scope(int[] partitionRanks) {
        this.scope = partitionRanks;
    }

    /** Called by the generated rules' consequences with the rule's number in its partition. */
    public void add(int index) {
        ranks.set(scope[index]);
    }

    boolean isEmpty() {
        return ranks.isEmpty();
    }

    /** The winning rule: the lowest rank that matched. */
    int best() {
        return ranks.nextSetBit(0);
    }

    /** Every rank that matched, best first. */
    int[] all() {
        return ranks.stream().toArray();
    }
}
