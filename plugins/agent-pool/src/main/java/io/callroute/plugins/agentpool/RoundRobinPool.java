package io.callroute.plugins.agentpool;

import io.callroute.plugin.SharedState;
import java.util.List;

/**
 * Each agent in turn. The shared state holds the index of the next agent under {@value #KEY}; every assignment
 * advances it by one with a compare-and-set, so assignments committed by any number of nodes and threads form one
 * sequence in which agent {@code i} is followed by agent {@code i+1 (mod N)}. Over {@code K} assignments each agent
 * is therefore chosen {@code K/N} times, rounded down or up.
 *
 * <p>A lost compare-and-set is retried after a short random pause ({@link ContentionBackoff}). When it loses
 * {@value AgentPool#MAX_ATTEMPTS} times in a row (extreme contention, or a store that keeps failing) the agent at the
 * last index read is returned without advancing, and a warning is logged: the caller is still connected, at the
 * cost of that agent getting one extra call.
 */
final class RoundRobinPool implements AgentPool {

    static final String KEY = "round-robin.next";

    private final List<String> agents;
    private final SharedState state;
    private final System.Logger logger;

    RoundRobinPool(List<String> agents, SharedState state, System.Logger logger) {
        this.agents = List.copyOf(agents);
        this.state = state;
        this.logger = logger;
    }

    @Override
    public List<String> agents() {
        return agents;
    }

    @Override
    public String next() {
        int index = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String current = state.get(KEY).orElse(null);
            index = parse(current);
            String advanced = Integer.toString((index + 1) % agents.size());
            if (state.compareAndSet(KEY, current, advanced)) {
                return agents.get(index);
            }
            ContentionBackoff.after(attempt + 1);
        }
        logger.log(System.Logger.Level.WARNING, "agent-pool: the round-robin turn could not be recorded after "
                + MAX_ATTEMPTS + " attempts; assigning agent " + (index + 1) + " without advancing");
        return agents.get(index);
    }

    @Override
    public String peek() {
        return agents.get(parse(state.get(KEY).orElse(null)));
    }

    /** The stored index, wrapped onto the current list (which an admin may have shortened). */
    private int parse(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Math.floorMod(Integer.parseInt(value.strip()), agents.size());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
