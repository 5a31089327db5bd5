package io.callroute.plugins.agentpool;

import java.util.List;

/** Hands out agents; thread-safe and safe across server nodes that share one {@code SharedState}. */
interface AgentPool {

    /**
     * How many times a compare-and-set is tried before giving up on exactness: with {@link ContentionBackoff}'s
     * pauses, about a quarter of a second at worst.
     */
    int MAX_ATTEMPTS = 64;

    List<String> agents();

    /** The agent for the next call, recorded in the shared state. */
    String next();

    /** The agent the next call would get, recording nothing (for simulated calls). */
    String peek();
}
