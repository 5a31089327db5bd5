package io.callroute.rules;

import java.util.BitSet;

/**
 * Collects which rules matched one event. Generated DRL passes it as a global ({@code matches.add(rank)}) rather than
 * inserting a result fact, because a fact every rule joins on made each decision cost grow with the rule count
 * (SPIKE-NOTES §2.3). One instance per event; not thread-safe.
 */
public final class MatchCollector {

    private final BitSet ranks = new BitSet();

    /** Called by the generated rules' consequences. */
    public void add(int rank) {
        ranks.set(rank);
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
