package io.callroute.plugins.agentpool;

import io.callroute.plugin.SharedState;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The agent whose last assignment is oldest (never-assigned agents first, ties in list order). The shared state
 * holds, per agent, {@code idle.<number>} → {@code <epoch millis of the last assignment>#<nonce>}; an assignment
 * claims the chosen agent with a compare-and-set of that key, so two nodes that both picked the same agent cannot
 * both get it: the loser reads again and picks the next one. The nonce makes every claim a new value, so claims in
 * the same millisecond conflict too.
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
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Candidate candidate = longestIdle();
            chosen = candidate.agent();
            String claim = clock.millis() + "#" + Long.toHexString(ThreadLocalRandom.current().nextLong());
            if (state.compareAndSet(PREFIX + chosen, candidate.storedClaim(), claim)) {
                return chosen;
            }
        }
        logger.log(System.Logger.Level.WARNING, "agent-pool: the longest-idle claim could not be recorded after "
                + MAX_ATTEMPTS + " attempts; assigning without recording");
        return chosen;
    }

    @Override
    public String peek() {
        return longestIdle().agent();
    }

    /** An agent and the claim stored for it when it was read (null when never assigned). */
    private record Candidate(String agent, String storedClaim) {
    }

    private Candidate longestIdle() {
        String chosen = null;
        String chosenValue = null;
        long oldest = Long.MAX_VALUE;
        for (String agent : agents) {
            Optional<String> value = state.get(PREFIX + agent);
            long lastAssigned = value.map(LongestIdlePool::millis).orElse(Long.MIN_VALUE);
            if (chosen == null || lastAssigned < oldest) {
                chosen = agent;
                chosenValue = value.orElse(null);
                oldest = lastAssigned;
            }
        }
        return new Candidate(chosen, chosenValue);
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
