package io.callroute.plugins.agentpool;

import io.callroute.plugin.ActionLimits;
import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.InvalidParameterException;
import io.callroute.plugin.MakeCall;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.ParameterType;
import io.callroute.plugin.Parameters;
import java.util.List;

/** The {@code nextAgent} step: one {@code makeCall} from the configured caller id to the pool's next agent. */
final class NextAgentProvider implements ActionProvider {

    static final String RECORDING = "recording";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.of(RECORDING, ParameterType.BOOLEAN).withDefault("false")
                    .withLabel("Record the call")
                    .withHelp("Whether 8x8 records the connected call; recording must be enabled on the account."));

    private final AgentPool pool;
    private final String source;

    /** @param source the caller id agents see; {@code null} for the call's virtual number */
    NextAgentProvider(AgentPool pool, String source) {
        this.pool = pool;
        this.source = source;
    }

    @Override
    public String id() {
        return "nextAgent";
    }

    @Override
    public String displayName() {
        return "Connect to the next agent";
    }

    @Override
    public String description() {
        return "Connects the caller to the next agent of the pool (" + pool.agents().size() + " agents).";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /** One {@link MakeCall}. Counts as one of the two {@code makeCall}s 8x8 allows per callflow. */
    @Override
    public List<CallAction> build(Parameters parameters, CallContext call) {
        String callerId = source != null ? source : call.virtualNumber();
        boolean recording = parameters.flag(RECORDING).orElse(false);
        String withPlus = callerId == null || callerId.startsWith("+") ? callerId : "+" + callerId;
        if (!ActionLimits.isE164(withPlus)) {
            // Checked before taking a turn, so a call that cannot be connected does not use up an agent's turn.
            throw new InvalidParameterException(AgentPoolPlugin.SOURCE, "the call's virtual number \"" + callerId
                    + "\" is not an E.164 number; set the plugin's caller id");
        }
        return List.of(new MakeCall(callerId, call.simulated() ? pool.peek() : pool.next(), recording));
    }
}
