package io.callroute.actions.builtin;

import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.MakeCall;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.ParameterType;
import io.callroute.plugin.Parameters;
import java.util.List;

/**
 * The built-in {@code makeCall} step: calls another number and connects the caller to it once answered (8x8
 * {@code makeCall}, spec §5.1).
 */
public final class MakeCallProvider implements ActionProvider {

    private static final String SOURCE = "source";
    private static final String DESTINATION = "destination";
    private static final String RECORDING = "callRecording";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.of(SOURCE, ParameterType.PHONE_NUMBER).asRequired()
                    .withLabel("Caller id")
                    .withHelp("The number the called party sees, in E.164 form (e.g. +6531580001). It must be a"
                            + " virtual number of your 8x8 account; ${virtualNumber} is the number the caller"
                            + " dialled."),
            ParameterSpec.of(DESTINATION, ParameterType.PHONE_NUMBER).asRequired()
                    .withLabel("Number to call")
                    .withHelp("The number to connect the caller to, in E.164 form, e.g. +6562221234."),
            ParameterSpec.of(RECORDING, ParameterType.BOOLEAN)
                    .withLabel("Record the call")
                    .withHelp("Whether 8x8 records the connected call; recording must be enabled on the account.")
                    .withDefault("false"));

    @Override
    public String id() {
        return "makeCall";
    }

    @Override
    public String displayName() {
        return "Connect to a number";
    }

    @Override
    public String description() {
        return "Calls another number, for example an agent, and connects the caller to it once answered."
                + " One answer can connect at most two numbers.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<CallAction> build(Parameters parameters, CallContext call) {
        return List.of(new MakeCall(parameters.text(SOURCE).orElse(null),
                parameters.text(DESTINATION).orElse(null),
                parameters.flag(RECORDING).orElse(false)));
    }
}
