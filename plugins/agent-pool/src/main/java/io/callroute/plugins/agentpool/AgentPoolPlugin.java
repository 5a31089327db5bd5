package io.callroute.plugins.agentpool;

import io.callroute.plugin.ActionLimits;
import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallroutePlugin;
import io.callroute.plugin.InvalidParameterException;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.ParameterType;
import io.callroute.plugin.PluginApi;
import io.callroute.plugin.PluginContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Connects callers to a pool of agents in turn. The turn is kept in the server's shared state, so every node of an
 * installation hands out the same sequence.
 */
public final class AgentPoolPlugin implements CallroutePlugin {

    static final String AGENTS = "agents";
    static final String STRATEGY = "strategy";
    static final String SOURCE = "source";
    static final String ROUND_ROBIN = "round-robin";
    static final String LONGEST_IDLE = "longest-idle";

    private volatile AgentPool pool;
    private volatile String source;

    @Override
    public String name() {
        return "agent-pool";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public String description() {
        return "A nextAgent step that connects the caller to the next agent of a list, in turn (round-robin) or the"
                + " one assigned longest ago (longest-idle); the turn is shared by all server nodes.";
    }

    @Override
    public String targetApiVersion() {
        return PluginApi.VERSION;
    }

    @Override
    public List<ParameterSpec> settings() {
        return List.of(
                ParameterSpec.of(AGENTS, ParameterType.TEXT).asRequired()
                        .withLabel("Agents")
                        .withHelp("The agents' numbers in E.164 form, separated by commas, e.g."
                                + " +6562221234, +6562221235."),
                ParameterSpec.choice(STRATEGY, List.of(ROUND_ROBIN, LONGEST_IDLE)).withDefault(ROUND_ROBIN)
                        .withLabel("Strategy")
                        .withHelp("round-robin: each agent in turn. longest-idle: the agent whose last call was"
                                + " handed out longest ago (agents never called come first)."),
                ParameterSpec.of(SOURCE, ParameterType.PHONE_NUMBER)
                        .withLabel("Caller id")
                        .withHelp("The number agents see; a virtual number of your 8x8 account. Empty: the"
                                + " virtual number of the call."));
    }

    @Override
    public void start(PluginContext context) {
        List<String> agents = parseAgents(context.settings().requiredText(AGENTS));
        String strategy = context.settings().text(STRATEGY).orElse(ROUND_ROBIN).strip().toLowerCase(Locale.ROOT);
        AgentPool newPool = switch (strategy) {
            case ROUND_ROBIN -> new RoundRobinPool(agents, context.sharedState(), context.logger());
            case LONGEST_IDLE -> new LongestIdlePool(agents, context.sharedState(), context.clock(),
                    context.logger());
            default -> throw new InvalidParameterException(STRATEGY,
                    "must be " + ROUND_ROBIN + " or " + LONGEST_IDLE + ", not " + strategy);
        };
        String configuredSource = context.settings().text(SOURCE).filter(s -> !s.isBlank())
                .map(s -> e164(SOURCE, s)).orElse(null);
        if (configuredSource != null && agents.contains(configuredSource)) {
            throw new InvalidParameterException(SOURCE, "is one of the agents (" + configuredSource + ")");
        }
        this.source = configuredSource;
        this.pool = newPool;
    }

    @Override
    public List<ActionProvider> actionProviders() {
        AgentPool current = pool;
        if (current == null) {
            throw new IllegalStateException("agent-pool is not started");
        }
        return List.of(new NextAgentProvider(current, source));
    }

    static List<String> parseAgents(String text) {
        Set<String> agents = new LinkedHashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (String part : text.split(",")) {
            String trimmed = part.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String number = e164(AGENTS, trimmed);
            if (!agents.add(number)) {
                duplicates.add(number);
            }
        }
        if (agents.isEmpty()) {
            throw new InvalidParameterException(AGENTS, "names no agent");
        }
        if (!duplicates.isEmpty()) {
            throw new InvalidParameterException(AGENTS, "lists " + duplicates + " more than once");
        }
        return List.copyOf(agents);
    }

    private static String e164(String field, String value) {
        String compact = value.replace(" ", "").replace("-", "");
        String withPlus = compact.startsWith("+") ? compact : "+" + compact;
        if (!ActionLimits.isE164(withPlus)) {
            throw new InvalidParameterException(field,
                    "\"" + value + "\" is not an E.164 phone number (a + and 7 to 15 digits, e.g. +6562221234)");
        }
        return withPlus;
    }
}
