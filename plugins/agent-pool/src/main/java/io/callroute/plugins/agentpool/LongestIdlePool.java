package io.callroute.plugins.agentpool;

import io.callroute.plugin.SharedState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The agent whose last assignment is oldest (never-assigned agents first, ties in list order). The shared state
 * holds, per agent, {@code idle.<number>} → {@code <epoch millis of the last assignment>#<nonce>}; an assignment
 * claims the chosen agent with a compare-and-set of that key, so two nodes that both picked the same agent cannot
 * both get it. The nonce makes every claim a new value, so claims in the same millisecond conflict too.
 *
 * <p>The loser of a claim tries the next agent of the same read, oldest first, and reads again only when it has
 * lost them all; it gives up (and logs a warning) after {@value AgentPool#MAX_ATTEMPTS} such reads. A lost claim
 * means another call assigned that agent after the read, so it is now the most recently assigned, and the next
 * agent of the read is the oldest nobody has claimed since. Reading every agent again after each lost claim
 * instead (as this class first did, with 32 attempts in all) had every caller of a burst pick the same agent again,
 * one winner per round of N reads: with 16 calls at once on two nodes sharing PostgreSQL about one hand-out in 400
 * used up its attempts and went out unrecorded, i.e. to an agent another call had just been given
 * (AgentPoolAcrossNodesTest in the server).
 *
 * <p>"Idle" means "not handed a call for longest": the plugin does not learn when an agent's call ends.
 */
final class LongestIdlePool implements AgentPool {

    static final String PREFIX = "idle.";

    private final List<String> agents;
    private final SharedState state;
    private final Clock clock;
    private final System.Logger logger;

    LongestIdlePool(List<String> agents, SharedState state, Clock clock, System.Logger logger) {
        this.agents = List.copyOf(agents);
        this.state = state;
        this.clock = clock;
        this.logger = logger;
    }

    @Override
    public List<String> agents() {
        return agents;
    }

    @Override
    public String next() {
        String chosen = agents.get(0);
        for (int read = 0; read < MAX_ATTEMPTS; read++) {
            // Each lost claim below is another call's won claim, so a read is used up only when every agent was
            // assigned by other calls since it was made.
            for (Candidate candidate : oldestFirst()) {
                chosen = candidate.agent();
                String claim = clock.millis() + "#" + Long.toHexString(ThreadLocalRandom.current().nextLong());
                if (state.compareAndSet(PREFIX + chosen, candidate.storedClaim(), claim)) {
                    return chosen;
                }
            }
            ContentionBackoff.after(read + 1);   // every agent was claimed since this read: a crowded moment
        }
        logger.log(System.Logger.Level.WARNING, "agent-pool: the longest-idle claim could not be recorded after "
                + MAX_ATTEMPTS + " reads of every agent; assigning without recording");
        return chosen;
    }

    @Override
    public String peek() {
        return oldestFirst().get(0).agent();
    }

    /** An agent, the claim stored for it when it was read (null when never assigned) and that claim's time. */
    private record Candidate(String agent, String storedClaim, long lastAssigned) {
    }

    /** Every agent with its stored claim, read once: the oldest last assignment first, ties in list order. */
    private List<Candidate> oldestFirst() {
        List<Candidate> candidates = new ArrayList<>(agents.size());
        for (String agent : agents) {
            Optional<String> value = state.get(PREFIX + agent);
            candidates.add(new Candidate(agent, value.orElse(null),
                    value.map(LongestIdlePool::millis).orElse(Long.MIN_VALUE)));
        }
        candidates.sort(Comparator.comparingLong(Candidate::lastAssigned));   // stable: ties keep list order
        return candidates;
    }

    /** The epoch millis of a stored claim; an unreadable value counts as never assigned. */
    static long millis(String value) {
        int hash = value.indexOf('#');
        try {
            return Long.parseLong(hash < 0 ? value.strip() : value.substring(0, hash));
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }
}
